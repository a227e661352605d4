/// How `compare` computes its figures: which metrics, and the bootstrap's confidence, rounds and
/// seed. Figures are reproducible: the same inputs and options give the same output.
public struct ComparisonOptions: Sendable, Equatable {
    /// Metrics compared, in output order.
    public var metrics: [ComparisonMetric]
    /// Confidence of the interval, in (0, 1), e.g. 0.95.
    public var confidence: Double
    /// Bootstrap rounds per pair and metric.
    public var resamples: Int
    /// Seed of the resampling: each target, load level and metric draws its own stream from it.
    public var seed: UInt64
    /// Relative changes smaller than this fraction (0.05 = 5%) are `noise` even when the interval
    /// excludes 0: same-seed reruns on one machine differ by a few percent (TTFT p50 by 2–3% with
    /// the simulator), which is real but not a change worth acting on.
    public var minimumChange: Double

    /// Options with the given values; defaults: every default metric, 95%, 2000 rounds, a fixed
    /// seed, changes under 5% counted as noise.
    public init(
        metrics: [ComparisonMetric] = ComparisonMetric.defaults, confidence: Double = 0.95, resamples: Int = 2000,
        seed: UInt64 = 0x5EED_C0DE, minimumChange: Double = 0.05
    ) {
        self.metrics = metrics
        self.confidence = confidence
        self.resamples = resamples
        self.seed = seed
        self.minimumChange = minimumChange
    }

    /// One line stating the method, for the foot of a table: the bootstrap, then what the
    /// `methods` used (a row's ``ComparisonRow/method``) rest on, in ``ComparisonMethod`` order.
    public func methodLine(for methods: some Sequence<ComparisonMethod>) -> String {
        let used = Set(methods)
        var line = "verdicts: percentile bootstrap \(Self.percent(confidence))% CI of candidate − baseline, \(resamples) resamples per side "
            + "(seed \(seed), one stream per target, level and metric)"
        for method in ComparisonMethod.allCases where used.contains(method) {
            switch method {
            case .betweenRepeats:
                line += "; between repeats: each side's repeats are drawn with replacement, then requests within each, so the interval holds run-to-run spread"
            case .withinRun:
                line += "; within-run only: a side ran the level once, so requests are resampled within each run and run-to-run spread is not in the interval "
                    + "(repeat levels with load.repeat or --repeat)"
            }
        }
        return line + "; changes under \(Self.percent(minimumChange))% count as noise; warm-up rows excluded, latencies over ok requests only"
    }

    private static func percent(_ fraction: Double) -> String {
        let percent = (fraction * 1000).rounded() / 10
        return percent == percent.rounded() ? String(Int(percent)) : String(percent)
    }
}
