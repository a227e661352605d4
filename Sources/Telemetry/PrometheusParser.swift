/// Reads the Prometheus text exposition format, version 0.0.4: `# HELP` and `# TYPE` lines,
/// samples with optional labels and timestamps, `NaN` and `±Inf` values, and the families of
/// histograms (`_bucket{le}`, `_sum`, `_count`) and summaries (`{quantile}`, `_sum`, `_count`).
///
/// A line that breaks the format is reported in ``PrometheusExposition/problems`` and skipped;
/// the rest of the page is kept, so one odd metric does not blank a whole scrape.
public enum PrometheusParser {
    /// Parses a page.
    public static func parse(_ text: String) -> PrometheusExposition {
        parse(Array(text.utf8))
    }

    /// Parses a page given as UTF-8 bytes (a response body).
    public static func parse(_ bytes: [UInt8]) -> PrometheusExposition {
        var page = Page()
        var start = 0
        var line = 1
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != newline { end += 1 }
            var cursor = LineCursor(bytes: bytes, position: start, end: end)
            if cursor.end > start && bytes[cursor.end - 1] == carriageReturn { cursor.end -= 1 }
            do throws(PrometheusLineError) {
                try page.read(&cursor)
            } catch {
                page.exposition.problems.append(PrometheusParseProblem(line: line, message: error.message))
            }
            start = end + 1
            line += 1
        }
        return page.exposition
    }

    /// The value of a sample or of an `le`/`quantile` label: a decimal or hexadecimal float, or
    /// `NaN`, `Inf`, `+Inf`, `-Inf` in any case.
    public static func number(_ text: String) -> Double? {
        switch text.lowercased() {
        case "nan", "+nan", "-nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default:
            guard let first = text.utf8.first, first != space, first != tab else { return nil }
            return Double(text)
        }
    }
}

private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")


/// The families read so far and what the format requires of the lines still to come.
private struct Page {
    var exposition = PrometheusExposition()
    private var indexByName: [String: Int] = [:]
    private var typed: Set<String> = []
    private var described: Set<String> = []

    mutating func read(_ cursor: inout LineCursor) throws(PrometheusLineError) {
        cursor.skipBlanks()
        guard let first = cursor.current else { return }
        if first == UInt8(ascii: "#") {
            cursor.position += 1
            try readComment(&cursor)
        } else {
            try readSample(&cursor)
        }
    }

    private mutating func readComment(_ cursor: inout LineCursor) throws(PrometheusLineError) {
        cursor.skipBlanks()
        let keyword = cursor.token()
        guard keyword == "HELP" || keyword == "TYPE" else { return }
        cursor.skipBlanks()
        guard let name = cursor.metricName() else { throw PrometheusLineError("# \(keyword) needs a metric name") }
        if keyword == "HELP" {
            if !cursor.atEnd && !cursor.atBlank { throw PrometheusLineError("invalid character in metric name after '\(name)'") }
            cursor.skipBlanks()
            guard described.insert(name).inserted else { throw PrometheusLineError("second HELP line for \(name)") }
            let help = try cursor.helpText()
            exposition.families[familyIndex(name)].help = help
            return
        }
        cursor.skipBlanks()
        let typeName = cursor.token()
        guard let type = PrometheusMetricType(rawValue: typeName) else {
            throw PrometheusLineError("unknown type '\(typeName)' for \(name) (counter, gauge, histogram, summary or untyped)")
        }
        cursor.skipBlanks()
        guard cursor.atEnd else { throw PrometheusLineError("unexpected text after the type of \(name)") }
        guard typed.insert(name).inserted else { throw PrometheusLineError("second TYPE line for \(name)") }
        if let index = indexByName[name], !exposition.families[index].samples.isEmpty {
            throw PrometheusLineError("TYPE line for \(name) after its samples")
        }
        exposition.families[familyIndex(name)].type = type
    }

    private mutating func readSample(_ cursor: inout LineCursor) throws(PrometheusLineError) {
        guard let name = cursor.metricName() else { throw PrometheusLineError("expected a metric name or a comment") }
        cursor.skipBlanks()
        var labels: [PrometheusLabel] = []
        if cursor.current == UInt8(ascii: "{") {
            cursor.position += 1
            labels = try cursor.labels()
            cursor.skipBlanks()
        }
        let valueText = cursor.token()
        guard !valueText.isEmpty else { throw PrometheusLineError("\(name) has no value") }
        guard let value = PrometheusParser.number(valueText) else { throw PrometheusLineError("\(name): value '\(valueText)' is not a number") }
        cursor.skipBlanks()
        var timestamp: Int64?
        if !cursor.atEnd {
            let text = cursor.token()
            guard let milliseconds = Int64(text) else { throw PrometheusLineError("\(name): timestamp '\(text)' is not a whole number of milliseconds") }
            timestamp = milliseconds
            cursor.skipBlanks()
            guard cursor.atEnd else { throw PrometheusLineError("\(name): unexpected text after the timestamp") }
        }
        let familyName = familyName(of: name)
        let type = indexByName[familyName].map { exposition.families[$0].type } ?? .untyped
        try Self.check(name, labels: labels, family: familyName, type: type)
        exposition.families[familyIndex(familyName)].samples.append(PrometheusSample(name: name, labels: labels, value: value, timestampMs: timestamp))
    }

    /// The family a sample belongs to: `x` for `x_bucket` of a histogram `x`, for `x_sum` and
    /// `x_count` of a histogram or summary `x`; else the sample's own name.
    private func familyName(of sample: String) -> String {
        for suffix in ["_bucket", "_sum", "_count"] where sample.hasSuffix(suffix) {
            let base = String(sample.dropLast(suffix.count))
            guard let index = indexByName[base] else { continue }
            let type = exposition.families[index].type
            if type == .histogram || (type == .summary && suffix != "_bucket") { return base }
        }
        return sample
    }

    /// What histograms and summaries require of their samples' labels.
    private static func check(_ name: String, labels: [PrometheusLabel], family: String, type: PrometheusMetricType) throws(PrometheusLineError) {
        switch type {
        case .histogram where name == family + "_bucket":
            guard let bound = labels.first(where: { $0.name == "le" })?.value else { throw PrometheusLineError("\(name): histogram bucket without an 'le' label") }
            guard PrometheusParser.number(bound) != nil else { throw PrometheusLineError("\(name): 'le' value '\(bound)' is not a number") }
        case .histogram where name == family:
            throw PrometheusLineError("\(name): a histogram has only _bucket, _sum and _count samples")
        case .summary where name == family:
            guard let quantile = labels.first(where: { $0.name == "quantile" })?.value else { throw PrometheusLineError("\(name): summary sample without a 'quantile' label") }
            guard PrometheusParser.number(quantile) != nil else { throw PrometheusLineError("\(name): 'quantile' value '\(quantile)' is not a number") }
        default:
            break
        }
    }

    /// The index of family `name`, created (untyped, empty) at its first mention.
    private mutating func familyIndex(_ name: String) -> Int {
        if let index = indexByName[name] { return index }
        indexByName[name] = exposition.families.count
        exposition.families.append(PrometheusFamily(name: name))
        return exposition.families.count - 1
    }
}
