import Foundation

/// The scenario's SLO limits as `run.json` records them (`ttft_p99_ms` → 2000, `ttft_ms` → 500
/// per request, `max_error_rate` → 0.01), turned into the text and chart lines the outputs show.
public struct SLOThresholds: Sendable, Equatable {
    /// A latency limit on one percentile (`ttft_p99_ms`) or on every request (`ttft_ms`, goodput).
    public struct Limit: Sendable, Equatable {
        /// The field as written (`ttft_p99_ms`).
        public var field: String
        /// `ttft`, `tpot`, `itl` or `e2e`.
        public var metric: String
        /// The percentile limited, 0–100; nil for a per-request (goodput) limit.
        public var percentile: Double?
        /// Largest allowed value, ms.
        public var maxMs: Double
    }

    /// Latency limits, in field order.
    public var limits: [Limit]
    /// Largest allowed share of failed requests (0–1), when set.
    public var maxErrorRate: Double?

    /// Reads `run.json`'s `slo` fields; nil when there are none.
    public init?(fields: [String: Double]?) {
        guard let fields, !fields.isEmpty else { return nil }
        var limits: [Limit] = []
        for (field, value) in fields.sorted(by: { $0.key < $1.key }) where field != "max_error_rate" {
            let parts = field.split(separator: "_")
            guard parts.count >= 2, parts.last == "ms" else { continue }
            let metric = String(parts[0])
            if parts.count == 3, parts[1].first == "p", let percentile = Double(parts[1].dropFirst()) {
                limits.append(Limit(field: field, metric: metric, percentile: percentile, maxMs: value))
            } else if parts.count == 2 {
                limits.append(Limit(field: field, metric: metric, percentile: nil, maxMs: value))
            }
        }
        self.limits = limits
        maxErrorRate = fields["max_error_rate"]
    }

    /// The latency limits on `metric` (`ttft`, `tpot`, `e2e`).
    public func limits(on metric: String) -> [Limit] {
        limits.filter { $0.metric == metric }
    }

    /// `ttft_p99_ms ≤ 300 ms, ttft_ms ≤ 500 ms per request, error rate ≤ 1%`.
    public var summary: String {
        var parts = limits.map { limit in
            "\(limit.field) ≤ \(Self.number(limit.maxMs)) ms" + (limit.percentile == nil ? " per request" : "")
        }
        if let maxErrorRate { parts.append("error rate ≤ \(Self.number(maxErrorRate * 100))%") }
        return parts.joined(separator: ", ")
    }

    /// Up to three decimals, trailing zeros dropped (`300`, `0.5`, `1.25`).
    private static func number(_ value: Double) -> String {
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
