/// A load level's verdict against the scenario's SLOs, as every output states it.
public enum SLOResult: String, Sendable, Codable, CaseIterable {
    /// Every limit held over a completed level.
    case met
    /// A completed level broke at least one limit.
    case missed
    /// The level was interrupted or aborted: its figures cover only part of it, so it is judged
    /// neither way (never "met").
    case incomplete

    /// The verdict of a level that ended with `status`, whose measured requests `passed` the limits.
    public init(passed: Bool, status: LevelStatus) {
        self = status.isPartial ? .incomplete : passed ? .met : .missed
    }

    /// The `meets_slo` cell of `summary.csv`: `true`, `false` or `incomplete`.
    public var csvCell: String {
        switch self {
        case .met: "true"
        case .missed: "false"
        case .incomplete: "incomplete"
        }
    }

    /// Reads a `meets_slo` cell; nil for an empty cell (the scenario set no SLOs) or anything else.
    public init?(csvCell: String) {
        switch csvCell {
        case "true": self = .met
        case "false": self = .missed
        case "incomplete": self = .incomplete
        default: return nil
        }
    }

    /// One cell for tables: `met`, `incomplete (interrupted)`, or `missed: <each broken limit>`.
    public func describe(failures: [String], status: LevelStatus) -> String {
        switch self {
        case .met: "met"
        case .incomplete: "incomplete (\(status.rawValue))"
        case .missed: failures.isEmpty ? "missed" : "missed: " + failures.joined(separator: "; ")
        }
    }
}
