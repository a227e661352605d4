import Foundation
import Metrics

/// One figure that `compare` puts side by side: a latency percentile, a throughput or the error
/// rate, named as in `--metrics` and the CSV `metric` column (e.g. `ttft_p99_ms`, `req_per_s`).
public struct ComparisonMetric: Sendable, Hashable, CustomStringConvertible {
    /// A per-request latency column of `requests.csv`.
    public enum Latency: String, Sendable, Hashable, CaseIterable {
        /// Time to first token, ms.
        case ttft
        /// Time per output token after the first, ms.
        case tpot
        /// End-to-end latency, ms.
        case e2e
        /// Each request's median inter-token gap, ms.
        case itl
        /// Time to first token counted from the scheduled send time, ms.
        case ttftSched = "ttft_sched"
        /// End-to-end latency counted from the scheduled send time, ms.
        case e2eSched = "e2e_sched"
        /// Time to first answer token (after any reasoning), ms.
        case ttfat

        /// The value of this column for one request, ms; nil when it did not happen.
        public func value(of record: RequestRecord) -> Double? {
            switch self {
            case .ttft: record.ttftMs
            case .tpot: record.tpotMs
            case .e2e: record.e2eMs
            case .itl: record.itlP50Ms
            case .ttftSched: record.ttftFromScheduledMs
            case .e2eSched: record.e2eFromScheduledMs
            case .ttfat: record.ttfatMs
            }
        }
    }

    /// What the metric measures.
    public enum Kind: Sendable, Hashable {
        /// A percentile (0–100) of a latency over successful, measured requests, ms.
        case latency(Latency, percentile: Double)
        /// Successful requests per second of level wall time.
        case requestsPerSecond
        /// Output tokens of successful requests per second of level wall time.
        case outputTokensPerSecond
        /// Failed requests as a fraction (0–1) of measured requests.
        case errorRate
    }

    /// What the metric measures.
    public let kind: Kind
    /// Its name, as given to `--metrics` and written in the CSV.
    public let name: String

    /// The metric named `name`: `<ttft|tpot|e2e|itl|ttft_sched|e2e_sched|ttfat>_p<percentile>_ms`,
    /// `req_per_s`, `output_tok_per_s` or `error_rate`; nil for any other name.
    public init?(name: String) {
        switch name {
        case "req_per_s": kind = .requestsPerSecond
        case "output_tok_per_s": kind = .outputTokensPerSecond
        case "error_rate": kind = .errorRate
        default:
            guard name.hasSuffix("_ms"), let marker = name.range(of: "_p", options: .backwards) else { return nil }
            let column = String(name[..<marker.lowerBound])
            let digits = name[marker.upperBound..<name.index(name.endIndex, offsetBy: -3)]
            guard let latency = Latency(rawValue: column), !digits.isEmpty,
                  digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                  let percentile = Double(digits), percentile > 0, percentile <= 100
            else { return nil }
            kind = .latency(latency, percentile: percentile)
        }
        self.name = name
    }

    /// The metrics compared when `--metrics` is not given.
    public static let defaults: [ComparisonMetric] = [
        "ttft_p50_ms", "ttft_p99_ms", "tpot_p50_ms", "tpot_p99_ms", "e2e_p50_ms", "e2e_p99_ms",
        "req_per_s", "output_tok_per_s", "error_rate",
    ].compactMap(ComparisonMetric.init(name:))

    /// A line listing the accepted names, for error messages.
    public static let accepted =
        "<ttft|tpot|e2e|itl|ttft_sched|e2e_sched|ttfat>_p<percentile>_ms, req_per_s, output_tok_per_s, error_rate"

    /// Whether a smaller value is the better one (latency, error rate) rather than a larger one
    /// (throughput).
    public var lowerIsBetter: Bool {
        switch kind {
        case .latency, .errorRate: true
        case .requestsPerSecond, .outputTokensPerSecond: false
        }
    }

    /// The name.
    public var description: String { name }
}
