import Foundation

/// A `--fail-if` expression: `METRIC OP LIMIT`, with OP one of `>`, `>=`, `<`, `<=`.
///
/// A LIMIT ending in `%` is relative (`ttft_p99_ms>+10%`, `req_per_s<-5%`): a pair violates it
/// when (candidate − baseline) / baseline crosses it *and* the difference is beyond noise (verdict
/// `better` or `worse`). A plain LIMIT is an absolute bound on the candidate's value
/// (`error_rate>0.01`), whatever the noise.
public struct ComparisonThreshold: Sendable, Equatable, CustomStringConvertible {
    /// Comparison operators, longest spelling first so `>=` is not read as `>`.
    public enum Operator: String, Sendable, CaseIterable {
        /// At or above the limit.
        case greaterOrEqual = ">="
        /// At or below the limit.
        case lessOrEqual = "<="
        /// Above the limit.
        case greater = ">"
        /// Below the limit.
        case less = "<"

        /// Whether `value` stands in this relation to `limit`.
        func holds(_ value: Double, _ limit: Double) -> Bool {
            switch self {
            case .greaterOrEqual: value >= limit
            case .lessOrEqual: value <= limit
            case .greater: value > limit
            case .less: value < limit
            }
        }
    }

    /// The metric tested.
    public let metric: ComparisonMetric
    /// The operator.
    public let comparison: Operator
    /// The limit: a fraction (0.1 for 10%) when ``relative``, else in the metric's unit.
    public let limit: Double
    /// Whether the limit applies to the relative difference rather than the candidate's value.
    public let relative: Bool
    /// The expression as given.
    public let description: String

    /// Parses an expression.
    /// - Throws: ``ComparisonError`` naming the expression and what is accepted.
    public init(parsing text: String) throws(ComparisonError) {
        let compact = text.filter { !$0.isWhitespace }
        guard let found = Operator.allCases.lazy.compactMap({ op in compact.range(of: op.rawValue).map { (op, $0) } }).first else {
            throw ComparisonError("--fail-if '\(text)': expected METRIC OP LIMIT with OP one of > >= < <= (e.g. 'ttft_p99_ms>+10%', 'error_rate>0.01')")
        }
        let name = String(compact[..<found.1.lowerBound])
        var limitText = String(compact[found.1.upperBound...])
        guard let metric = ComparisonMetric(name: name) else {
            throw ComparisonError("--fail-if '\(text)': unknown metric '\(name)'; known: \(ComparisonMetric.accepted)")
        }
        let relative = limitText.hasSuffix("%")
        if relative { limitText.removeLast() }
        guard let number = Double(limitText), number.isFinite, !limitText.contains(where: { $0.isLetter }) else {
            throw ComparisonError("--fail-if '\(text)': limit '\(limitText)' is not a number (e.g. +10%, -5%, 0.01)")
        }
        self.metric = metric
        self.comparison = found.0
        self.limit = relative ? number / 100 : number
        self.relative = relative
        self.description = text
    }

    /// A line saying how `result` violates this threshold, or nil when it does not (or is for
    /// another metric, or lacks the values to tell).
    public func violation(in result: ComparisonRow) -> String? {
        guard result.metric == metric else { return nil }
        let pair = "\(result.candidate) vs \(result.baseline)" + (result.target.map { " target \($0)" } ?? "")
            + " level \(result.loadLevel)"
        if relative {
            guard let change = result.relativeDifference, comparison.holds(change, limit),
                  result.verdict == .better || result.verdict == .worse
            else { return nil }
            return "\(description): \(pair): \(metric) changed \(ComparisonText.percent(change)) (beyond noise)"
        }
        guard let value = result.candidateValue, comparison.holds(value, limit) else { return nil }
        return "\(description): \(pair): \(metric) is \(ComparisonText.number(value, metric))"
    }
}
