/// How a candidate compares with its baseline on one metric, judged from the bootstrap interval of
/// the difference: the `verdict` column.
public enum ComparisonVerdict: String, Sendable, CaseIterable {
    /// The interval excludes 0 and the candidate is on the good side (lower latency or error
    /// rate, higher throughput).
    case better
    /// The interval excludes 0 and the candidate is on the bad side.
    case worse
    /// The interval contains 0 (the difference is within resampling noise), or the change is
    /// smaller than the minimum that counts.
    case noise
    /// A side has nothing to compute the metric from (e.g. no successful requests).
    case unavailable = "n/a"

    /// The verdict for an interval of `candidate − baseline` of a metric.
    /// - Parameters:
    ///   - relativeChange: (candidate − baseline) / baseline, when defined.
    ///   - minimumChange: the smallest |relativeChange| (a fraction) that can be better or worse.
    public init(interval: BootstrapInterval?, lowerIsBetter: Bool, relativeChange: Double? = nil, minimumChange: Double = 0) {
        guard let interval else {
            self = .unavailable
            return
        }
        guard interval.excludesZero, abs(relativeChange ?? .infinity) >= minimumChange else {
            self = .noise
            return
        }
        self = (interval.high < 0) == lowerIsBetter ? .better : .worse
    }
}
