/// A percentile-bootstrap confidence interval of the difference of one statistic between two
/// samples (candidate − baseline), and the plain statistics it is built from. Pure: the random
/// generator is passed in, so a seeded one gives the same interval every time.
public struct BootstrapInterval: Sendable, Equatable {
    /// Lower end of the interval, in the statistic's unit.
    public var low: Double
    /// Upper end of the interval, in the statistic's unit.
    public var high: Double

    /// An interval from `low` to `high`.
    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// Whether 0 lies outside the interval: the difference is beyond noise at its confidence.
    public var excludesZero: Bool { low > 0 || high < 0 }

    /// The interval of `statistic(candidate*) − statistic(baseline*)` over `resamples` bootstrap
    /// rounds, where each `*` is a resample of that side drawn with replacement and of the same
    /// size; the interval holds the central `confidence` (0–1) share of the differences.
    ///
    /// Rounds where either side's statistic is nil are skipped; nil when every round was, or when a
    /// side is empty.
    public static func difference<Element, Generator: RandomNumberGenerator>(
        baseline: [Element], candidate: [Element], resamples: Int, confidence: Double,
        using generator: inout Generator, statistic: ([Element]) -> Double?
    ) -> BootstrapInterval? {
        difference(
            baseline: baseline, candidate: candidate, resamples: resamples, confidence: confidence, using: &generator,
            baselineStatistic: statistic, candidateStatistic: statistic
        )
    }

    /// As ``difference(baseline:candidate:resamples:confidence:using:statistic:)``, with a statistic
    /// per side (e.g. a throughput over each side's own duration).
    public static func difference<Element, Generator: RandomNumberGenerator>(
        baseline: [Element], candidate: [Element], resamples: Int, confidence: Double, using generator: inout Generator,
        baselineStatistic: ([Element]) -> Double?, candidateStatistic: ([Element]) -> Double?
    ) -> BootstrapInterval? {
        guard !baseline.isEmpty, !candidate.isEmpty, resamples > 0 else { return nil }
        var differences: [Double] = []
        differences.reserveCapacity(resamples)
        var baselineDraw = baseline
        var candidateDraw = candidate
        for _ in 0..<resamples {
            resample(baseline, into: &baselineDraw, using: &generator)
            resample(candidate, into: &candidateDraw, using: &generator)
            guard let before = baselineStatistic(baselineDraw), let after = candidateStatistic(candidateDraw) else { continue }
            differences.append(after - before)
        }
        return central(differences, confidence: confidence)
    }

    /// The interval holding the central `confidence` share of `differences`; nil when empty.
    static func central(_ differences: [Double], confidence: Double) -> BootstrapInterval? {
        let differences = differences.sorted()
        let tail = (1 - confidence) / 2 * 100
        guard let low = quantile(sorted: differences, percent: tail),
              let high = quantile(sorted: differences, percent: 100 - tail)
        else { return nil }
        return BootstrapInterval(low: low, high: high)
    }

    /// The nearest-rank percentile (0–100) of ascending `sorted` values: the smallest value with at
    /// least `percent`% of the values at or below it (HdrHistogram's definition); nil when empty.
    public static func percentile(sorted: [Double], _ percent: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    /// A percentile (0–100) of ascending `sorted` values, interpolated between neighbours
    /// (used for the ends of the interval, where nearest rank would be coarse); nil when empty.
    static func quantile(sorted: [Double], percent: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let position = max(0, min(1, percent / 100)) * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        guard below + 1 < sorted.count else { return sorted[sorted.count - 1] }
        let fraction = position - Double(below)
        return sorted[below] + (sorted[below + 1] - sorted[below]) * fraction
    }

    /// Overwrites `draw` (as long as `values`) with elements of `values` drawn uniformly with replacement.
    static func resample<Element, Generator: RandomNumberGenerator>(
        _ values: [Element], into draw: inout [Element], using generator: inout Generator
    ) {
        let count = UInt64(values.count)
        for index in draw.indices {
            draw[index] = values[Int(generator.next(upperBound: count))]
        }
    }
}
