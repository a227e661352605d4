import Foundation
import Metrics
import RepatSupport
import Testing

/// 10,000 samples (seeded, so the same on every run and platform), log-uniform from 0.1 ms to 10 s, rounded to the microsecond as recorded.
private let samplesMs: [Double] = {
    var generator = SeededGenerator(seed: 2024)
    return (0..<10_000).map { _ in
        let ms = 0.1 * pow(10, 5 * generator.nextUnitInterval())
        return (ms * 1000).rounded() / 1000
    }
}()

/// Whether `value` is within HdrHistogram's 3-significant-digit precision of `exact`
/// (0.1% relative plus 1 µs).
func close(_ value: Double?, _ exact: Double) -> Bool {
    guard let value else { return false }
    return abs(value - exact) <= exact * 0.001 + 0.001
}

@Suite("Latency distribution")
struct LatencyDistributionTests {
    @Test("percentiles match a brute-force sort within the histogram's precision", arguments: [0.1, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 100])
    func percentiles(percentile: Double) {
        var distribution = LatencyDistribution()
        for sample in samplesMs { distribution.record(ms: sample) }
        let sorted = samplesMs.sorted()
        // The smallest sample with at least `percentile` % of the samples at or below it. The
        // integer division avoids 99.9 / 100 × 10,000 rounding up to 9,991.
        let rank = max(1, (Int(percentile * 10) * sorted.count + 999) / 1000)
        let exact = sorted[rank - 1]
        #expect(close(distribution.percentileMs(percentile), exact), "p\(percentile): \(distribution.percentileMs(percentile) ?? -1) vs \(exact)")
    }

    @Test("count, mean and max match the data")
    func meanAndMax() {
        var distribution = LatencyDistribution()
        for sample in samplesMs { distribution.record(ms: sample) }
        #expect(distribution.count == samplesMs.count)
        let mean = samplesMs.reduce(0, +) / Double(samplesMs.count)
        #expect(close(distribution.meanMs, mean), "mean \(distribution.meanMs ?? -1) vs \(mean)")
        #expect(close(distribution.maxMs, samplesMs.max() ?? 0))
    }

    @Test("an empty distribution reports nil")
    func empty() {
        let distribution = LatencyDistribution()
        #expect(distribution.count == 0)
        #expect(distribution.percentileMs(50) == nil)
        #expect(distribution.meanMs == nil)
        #expect(distribution.maxMs == nil)
    }

    @Test("nanosecond samples are rounded to the microsecond; out-of-range ms samples are clamped")
    func unitsAndClamping() {
        var ns = LatencyDistribution()
        ns.record(ns: 1_499)
        #expect(ns.maxMs == 0.001)
        ns.record(ns: 2_500)
        #expect(ns.maxMs == 0.003)

        var ms = LatencyDistribution()
        ms.record(ms: -5)
        #expect(ms.maxMs == 0)
        ms.record(ms: 10_000_000)  // 2.8 h
        #expect(close(ms.maxMs, 3_600_000))
        #expect(ms.count == 2)
    }

    @Test("merging two distributions equals recording everything in one")
    func merge() {
        var whole = LatencyDistribution()
        var first = LatencyDistribution()
        var second = LatencyDistribution()
        for (index, sample) in samplesMs.enumerated() {
            whole.record(ms: sample)
            if index % 3 == 0 { first.record(ms: sample) } else { second.record(ms: sample) }
        }
        first.merge(second)
        #expect(first.count == whole.count)
        for percentile in [1.0, 50, 99, 100] {
            #expect(first.percentileMs(percentile) == whole.percentileMs(percentile))
        }
        #expect(first.meanMs == whole.meanMs)
    }
}
