/// How a load level ended: the `status` column of `summary.csv` and `status` of each `run.json`
/// level. A partial level (interrupted or aborted) measured fewer requests than it planned, so its
/// figures describe only the part that ran and its SLO verdict is ``SLOResult/incomplete``.
public enum LevelStatus: String, Sendable, Codable, CaseIterable {
    /// The level ran to its request or duration limit.
    case completed
    /// A stop (Ctrl-C, SIGTERM), the run's cancellation or a results file that could no longer be
    /// written (the run then fails) ended the level before its limit.
    case interrupted
    /// The error-rate guard stopped the level (its reason is in `abort_reason`).
    case aborted

    /// Whether the level ended before its own limit.
    public var isPartial: Bool { self != .completed }

    /// The status of a level that has just ended: aborted when the error-rate guard gave a reason,
    /// interrupted when the run was asked to stop (or cancelled) by the time it ended, else completed.
    /// A stop that lands after a level's last request is counted as interrupting it: a level is
    /// never called complete unless nothing cut it short.
    public static func ended(abortReason: String?, stopped: Bool) -> LevelStatus {
        if let abortReason, !abortReason.isEmpty { return .aborted }
        return stopped ? .interrupted : .completed
    }

    /// The status a `summary.csv` row states, or, for files written before the column existed,
    /// the one its `abort_reason` implies.
    public init(csvCell: String?, abortReason: String?) {
        self = csvCell.flatMap(LevelStatus.init(rawValue:)) ?? .implied(byAbortReason: abortReason)
    }

    /// The status a level recorded before statuses were: aborted when it has an abort reason,
    /// else completed.
    public static func implied(byAbortReason abortReason: String?) -> LevelStatus {
        (abortReason ?? "").isEmpty ? .completed : .aborted
    }
}
