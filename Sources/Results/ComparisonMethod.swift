/// How a comparison row's interval was computed, which says what its verdict can be trusted for.
public enum ComparisonMethod: String, Sendable, CaseIterable {
    /// Both sides ran the level two or more times: a two-level bootstrap (repeats, then requests
    /// within them), so the interval holds run-to-run spread
    /// (``BootstrapInterval/twoLevelDifference(baseline:candidate:resamples:confidence:using:baselineStatistic:candidateStatistic:)``).
    case betweenRepeats = "two_level_bootstrap"
    /// A side ran the level once: requests are resampled within each run, so the interval holds
    /// request-to-request spread only; a shift between two runs of the same thing (a busy
    /// machine, a warmer cache) can look like a real difference.
    case withinRun = "percentile_bootstrap"

    /// The method for two sides with `baselineRepeats` and `candidateRepeats` repeats.
    public init(baselineRepeats: Int, candidateRepeats: Int) {
        self = baselineRepeats >= 2 && candidateRepeats >= 2 ? .betweenRepeats : .withinRun
    }

    /// What the verdict rests on, as the table, Markdown and CSV (`basis`) say it.
    public var basis: String {
        switch self {
        case .betweenRepeats: "between repeats"
        case .withinRun: "within-run only"
        }
    }
}
