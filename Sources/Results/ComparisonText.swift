import Foundation

/// Number formatting shared by `compare`'s table, Markdown and CSV output.
enum ComparisonText {
    /// Decimals shown for a metric's values: 4 for the error rate, else 3, as `FigureText` shows
    /// latencies and rates in the run table, `summary.csv` and the report.
    static func decimals(_ metric: ComparisonMetric) -> Int {
        switch metric.kind {
        case .errorRate: 4
        case .requestsPerSecond, .outputTokensPerSecond, .latency: 3
        }
    }

    /// A value of `metric`, rounded for people; `-` when missing.
    static func number(_ value: Double?, _ metric: ComparisonMetric, signed: Bool = false) -> String {
        guard let value, value.isFinite else { return "-" }
        let text = String(format: "%.\(decimals(metric))f", value)
        return signed && !text.hasPrefix("-") ? "+" + text : text
    }

    /// A fraction as a signed percentage with one decimal (`+12.5%`); `-` when missing.
    static func percent(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite else { return "-" }
        let text = String(format: "%.1f%%", fraction * 100)
        return text.hasPrefix("-") ? text : "+" + text
    }

    /// A value for CSV: six decimals, no sign for positives; empty when missing.
    static func csvNumber(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return String(format: "%.6f", value)
    }
}
