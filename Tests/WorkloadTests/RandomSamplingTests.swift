import Foundation
import RepatSupport
import Testing
import Workload

/// Draws `count` values from a fresh generator seeded with `seed`.
private func draw(_ count: Int, seed: UInt64, _ sample: (inout SeededGenerator) -> Double) -> [Double] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in sample(&generator) }
}

/// Sample sizes of 20,000 keep every standard error small; bounds are 6 standard errors.
@Suite("Random sampling")
struct RandomSamplingTests {
    private static let n = 20_000

    @Test("unit draws lie strictly inside (0, 1) and average one half")
    func unit() {
        let values = draw(Self.n, seed: 11) { $0.nextUnit() }
        #expect(values.allSatisfy { $0 > 0 && $0 < 1 })
        let stats = SampleStatistics(values)
        // Uniform: sd 1/√12 ≈ 0.289, variance 1/12.
        #expect(abs(stats.mean - 0.5) <= 6 * stats.standardErrorOfMean(sd: (1.0 / 12).squareRoot()))
        #expect(abs(stats.variance - 1.0 / 12) <= 0.005)
    }

    @Test("exponential draws have the requested mean and variance mean²", arguments: [0.02, 3.0])
    func exponential(mean: Double) {
        let values = draw(Self.n, seed: 12) { $0.nextExponential(mean: mean) }
        #expect(values.allSatisfy { $0 > 0 })
        let stats = SampleStatistics(values)
        #expect(abs(stats.mean - mean) <= 6 * stats.standardErrorOfMean(sd: mean), "mean \(stats.mean)")
        // Exponential: σ² = m², μ₄ = 9m⁴.
        let variance = mean * mean
        let tolerance = 6 * stats.standardErrorOfVariance(variance: variance, fourthCentralMoment: 9 * variance * variance)
        #expect(abs(stats.variance - variance) <= tolerance, "variance \(stats.variance)")
    }

    @Test("standard normal draws have mean 0, standard deviation 1 and 68.3 % within one sd")
    func normal() {
        let values = draw(Self.n, seed: 13) { $0.nextStandardNormal() }
        let stats = SampleStatistics(values)
        #expect(abs(stats.mean) <= 6 * stats.standardErrorOfMean(sd: 1), "mean \(stats.mean)")
        // Normal: μ₄ = 3σ⁴.
        #expect(abs(stats.variance - 1) <= 6 * stats.standardErrorOfVariance(variance: 1, fourthCentralMoment: 3), "variance \(stats.variance)")
        let inside = Double(values.filter { abs($0) < 1 }.count) / Double(values.count)
        let p = 0.682_689
        #expect(abs(inside - p) <= 6 * (p * (1 - p) / Double(values.count)).squareRoot(), "within one sd: \(inside)")
        #expect(values.contains { $0 < -3 } && values.contains { $0 > 3 }, "both tails are reached")
    }

    /// Gamma with shape k and scale θ = mean/k: variance kθ², fourth central moment (3k² + 6k)θ⁴.
    @Test("gamma draws have the requested mean and variance mean²/shape, below and above shape 1", arguments: [0.25, 0.6, 1.0, 2.5, 9.0])
    func gamma(shape k: Double) {
        let mean = 2.0
        let values = draw(Self.n, seed: 14) { $0.nextGamma(shape: k, mean: mean) }
        #expect(values.allSatisfy { $0 >= 0 && $0.isFinite })
        let stats = SampleStatistics(values)
        let theta = mean / k
        let variance = k * theta * theta
        #expect(abs(stats.mean - mean) <= 6 * stats.standardErrorOfMean(sd: variance.squareRoot()), "shape \(k): mean \(stats.mean)")
        let mu4 = (3 * k * k + 6 * k) * theta * theta * theta * theta
        let tolerance = 6 * stats.standardErrorOfVariance(variance: variance, fourthCentralMoment: mu4)
        #expect(abs(stats.variance - variance) <= tolerance, "shape \(k): variance \(stats.variance), expected \(variance) ± \(tolerance)")
    }

    @Test("the same seed gives the same draws")
    func reproducible() {
        let first = draw(100, seed: 99) { $0.nextGamma(shape: 0.5, mean: 1) }
        let second = draw(100, seed: 99) { $0.nextGamma(shape: 0.5, mean: 1) }
        #expect(first == second)
    }
}

@Suite("Length distributions")
struct LengthDistributionTests {
    private static func lengths(_ distribution: LengthDistribution, count: Int = 10_000, seed: UInt64 = 21) -> [Int] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in distribution.sample(&generator) }
    }

    @Test("a fixed length is always that length")
    func fixed() {
        #expect(Self.lengths(.fixed(37), count: 100).allSatisfy { $0 == 37 })
        #expect(LengthDistribution.fixed(37).mean == 37)
    }

    @Test("a uniform length stays within min and max, reaches both ends and averages their midpoint")
    func uniform() {
        let values = Self.lengths(.uniform(min: 3, max: 9))
        #expect(values.allSatisfy { (3...9).contains($0) })
        #expect(Set(values) == Set(3...9))
        let stats = SampleStatistics(values)
        // Discrete uniform over 7 values: variance (7² − 1)/12 = 4.
        #expect(abs(stats.mean - 6) <= 6 * stats.standardErrorOfMean(sd: 2))
        #expect(LengthDistribution.uniform(min: 3, max: 9).mean == 6)
        #expect(Self.lengths(.uniform(min: 5, max: 5), count: 50).allSatisfy { $0 == 5 })
    }

    @Test("a normal length has the nominal mean and standard deviation")
    func normal() {
        let distribution = LengthDistribution.normal(mean: 200, stddev: 50, min: 1, max: 10_000_000)
        let stats = SampleStatistics(Self.lengths(distribution))
        #expect(abs(stats.mean - 200) <= 6 * stats.standardErrorOfMean(sd: 50), "mean \(stats.mean)")
        // Normal: sd of the sample sd ≈ σ/√(2n) = 0.35; rounding adds 1/12 to the variance.
        #expect(abs(stats.standardDeviation - 50) <= 6 * 50 / (2 * Double(stats.count)).squareRoot(), "sd \(stats.standardDeviation)")
        #expect(distribution.mean == 200)
    }

    /// Log-normal with length mean m and sd s: σ² = ln(1 + s²/m²); kurtosis e^{4σ²} + 2e^{3σ²} + 3e^{2σ²} − 3.
    @Test("a log-normal length has the requested mean and standard deviation, and is skewed right")
    func lognormal() {
        let (mean, sd) = (200.0, 100.0)
        let values = Self.lengths(.lognormal(mean: mean, stddev: sd, min: 1, max: 10_000_000))
        let stats = SampleStatistics(values)
        #expect(abs(stats.mean - mean) <= 6 * stats.standardErrorOfMean(sd: sd), "mean \(stats.mean)")

        let sigmaSquared = log(1 + (sd / mean) * (sd / mean))
        let kurtosis = exp(4 * sigmaSquared) + 2 * exp(3 * sigmaSquared) + 3 * exp(2 * sigmaSquared) - 3
        let variance = sd * sd
        let varianceError = stats.standardErrorOfVariance(variance: variance, fourthCentralMoment: kurtosis * variance * variance)
        // sd of the sample sd ≈ sd(s²) / 2s ≈ 1.3 here.
        #expect(abs(stats.standardDeviation - sd) <= 6 * varianceError / (2 * sd), "sd \(stats.standardDeviation)")

        // P(X < mean) = Φ(σ/2) ≈ 0.593 for a log-normal; a symmetric distribution would give 0.5.
        let below = Double(values.filter { Double($0) < mean }.count) / Double(values.count)
        let p = 0.5 * erfc(-(sigmaSquared.squareRoot() / 2) / 2.0.squareRoot())
        #expect(abs(below - p) <= 6 * (p * (1 - p) / Double(values.count)).squareRoot(), "share below the mean: \(below), expected \(p)")
    }

    @Test(
        "normal and log-normal lengths are clamped to min and max, and reach both",
        arguments: [
            LengthDistribution.normal(mean: 100, stddev: 100, min: 50, max: 150),
            .lognormal(mean: 100, stddev: 200, min: 20, max: 300),
        ]
    )
    func clamped(distribution: LengthDistribution) {
        let (low, high) = switch distribution {
        case .normal(_, _, let low, let high), .lognormal(_, _, let low, let high): (low, high)
        default: (0, 0)
        }
        let values = Self.lengths(distribution, count: 2_000)
        #expect(values.allSatisfy { (low...high).contains($0) })
        #expect(values.contains(low))
        #expect(values.contains(high))
    }

    @Test("lengths are at least 1 even when the distribution reaches below")
    func atLeastOne() {
        let values = Self.lengths(.normal(mean: 1, stddev: 20, min: 1, max: 100), count: 1_000)
        #expect(values.allSatisfy { $0 >= 1 })
        #expect(values.contains(1))
    }
}
