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
    /// How ``interval`` was computed: between repeats, or within-run only.
    public var method: ComparisonMethod = .withinRun
    /// Repeats of the level on the baseline's side (1 when it ran once).
    public var baselineRepeats = 1
    /// Repeats of the level on the candidate's side (1 when it ran once).
    public var candidateRepeats = 1

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

    /// How far the interval reaches from 0, as a fraction of the baseline value:
    /// max(|low|, |high|) / |baseline|. In an A/A comparison (`compare --aa`), the noise floor: a
    /// change smaller than this cannot be told from noise on the same setup. Nil when the
    /// interval or the baseline value is missing, or the baseline is 0.
    public var intervalReach: Double? {
        guard let interval, let baselineValue, baselineValue != 0 else { return nil }
        return max(abs(interval.low), abs(interval.high)) / abs(baselineValue)
    }

    /// (candidate − baseline) / baseline, as a fraction (0.1 = +10%); nil when a value is missing
    /// or the baseline is 0.
    public var relativeDifference: Double? {
        guard let difference, let baselineValue, baselineValue != 0 else { return nil }
        return difference / baselineValue
    }
}
