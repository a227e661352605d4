/// One metric of one aligned pair: both values, their difference, its interval and the verdict.
/// One row of `compare`'s CSV output.
public struct ComparisonRow: Sendable {
    /// The baseline's name (run or target).
    public var baseline: String
    /// The candidate's name (run or target).
    public var candidate: String
    /// The shared target when runs are compared; nil when targets are compared.
    public var target: String?
    /// The load level label.
    public var loadLevel: String
    /// The metric.
    public var metric: ComparisonMetric
    /// The baseline's value, in the metric's unit; nil when it has nothing to compute it from.
    public var baselineValue: Double?
    /// The candidate's value, in the metric's unit; nil when it has nothing to compute it from.
    public var candidateValue: Double?
    /// Bootstrap interval of candidate − baseline, in the metric's unit.
    public var interval: BootstrapInterval?
    /// The verdict from ``interval``.
    public var verdict: ComparisonVerdict

    /// Creates a result.
    public init(
        baseline: String, candidate: String, target: String?, loadLevel: String, metric: ComparisonMetric,
        baselineValue: Double?, candidateValue: Double?, interval: BootstrapInterval?, verdict: ComparisonVerdict
    ) {
        self.baseline = baseline
        self.candidate = candidate
        self.target = target
        self.loadLevel = loadLevel
        self.metric = metric
        self.baselineValue = baselineValue
        self.candidateValue = candidateValue
        self.interval = interval
        self.verdict = verdict
    }

    /// Candidate − baseline, in the metric's unit; nil when a value is missing.
    public var difference: Double? {
        guard let baselineValue, let candidateValue else { return nil }
        return candidateValue - baselineValue
    }

    /// (candidate − baseline) / baseline, as a fraction (0.1 = +10%); nil when a value is missing
    /// or the baseline is 0.
    public var relativeDifference: Double? {
        guard let difference, let baselineValue, baselineValue != 0 else { return nil }
        return difference / baselineValue
    }
}
