/// A page of metrics in the Prometheus text exposition format (version 0.0.4), as parsed by
/// ``PrometheusParser``: metric families in the order they first appear, plus the lines that
/// could not be read.
public struct PrometheusExposition: Sendable, Equatable {
    /// Families in order of first appearance.
    public var families: [PrometheusFamily]
    /// Lines that broke the format, in file order; the rest of the page is still read.
    public var problems: [PrometheusParseProblem]

    /// Creates an exposition.
    public init(families: [PrometheusFamily] = [], problems: [PrometheusParseProblem] = []) {
        self.families = families
        self.problems = problems
    }

    /// The family called `name`, if present.
    public func family(_ name: String) -> PrometheusFamily? {
        families.first { $0.name == name }
    }

    /// Every sample of every family, in page order.
    public var samples: [PrometheusSample] {
        families.flatMap(\.samples)
    }
}

/// The declared type of a metric family (`# TYPE` line); ``untyped`` when none is declared.
public enum PrometheusMetricType: String, Sendable, CaseIterable {
    /// Monotonic count; resets only on restart.
    case counter
    /// A value that goes up and down.
    case gauge
    /// Cumulative buckets (`_bucket{le=…}`), `_sum` and `_count`.
    case histogram
    /// Quantiles (`{quantile=…}`), `_sum` and `_count`.
    case summary
    /// No type given.
    case untyped
}

/// One metric family: a name, its type and help text, and its samples (for histograms and
/// summaries, including the `_bucket`, `_sum` and `_count` samples).
public struct PrometheusFamily: Sendable, Equatable {
    /// The family's name (without `_bucket`, `_sum`, `_count` suffixes).
    public var name: String
    /// Declared type.
    public var type: PrometheusMetricType
    /// The `# HELP` text, unescaped; nil without one.
    public var help: String?
    /// Samples in page order.
    public var samples: [PrometheusSample]

    /// Creates a family.
    public init(name: String, type: PrometheusMetricType = .untyped, help: String? = nil, samples: [PrometheusSample] = []) {
        self.name = name
        self.type = type
        self.help = help
        self.samples = samples
    }
}

/// One sample line: a name, labels, a value and an optional timestamp.
public struct PrometheusSample: Sendable, Equatable {
    /// The sample's own name (for histograms `x_bucket`, `x_sum`, `x_count`).
    public var name: String
    /// Labels in the order written, values unescaped.
    public var labels: [PrometheusLabel]
    /// The value; `NaN` and infinities are allowed.
    public var value: Double
    /// Milliseconds since the Unix epoch, when the line carries one.
    public var timestampMs: Int64?

    /// Creates a sample.
    public init(name: String, labels: [PrometheusLabel] = [], value: Double, timestampMs: Int64? = nil) {
        self.name = name
        self.labels = labels
        self.value = value
        self.timestampMs = timestampMs
    }

    /// The value of label `name`, if present.
    public func label(_ name: String) -> String? {
        labels.first { $0.name == name }?.value
    }

    /// Labels as Prometheus writes them, `a="x",b="y\"z"`, with `\\`, `\"` and `\n` escaped.
    public var labelText: String {
        PrometheusLabel.text(labels)
    }
}

/// One label pair.
public struct PrometheusLabel: Sendable, Equatable {
    /// Label name.
    public var name: String
    /// Label value, unescaped.
    public var value: String

    /// Creates a label.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// `a="x",b="y"`, values escaped as the exposition format does.
    public static func text(_ labels: [PrometheusLabel]) -> String {
        labels.map { "\($0.name)=\"\(escape($0.value))\"" }.joined(separator: ",")
    }

    /// Escapes backslash, double quote and line feed.
    public static func escape(_ value: String) -> String {
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
