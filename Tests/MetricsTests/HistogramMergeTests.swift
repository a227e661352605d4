import Foundation
import Metrics
import RepatSupport
import Testing

/// What shards' histograms must give when `repat merge` adds them.
@Suite("Added histograms")
struct HistogramMergeTests {
    /// Latencies from 0.05 ms to ~50 s, log-uniform, so they spread over many HdrHistogram buckets.
    private func samples(_ count: Int, seed: UInt64) -> [Double] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { _ in 0.05 * pow(2, Double(random.next() % 20_000) / 1000) }
    }

    @Test("two histograms added are one histogram of all their values: count, every percentile, mean and max")
    func addedEqualsWhole() {
        let values = samples(5_000, seed: 3)
        var whole = LatencyDistribution()
        var first = LatencyDistribution()
        var second = LatencyDistribution()
        for (index, value) in values.enumerated() {
            whole.record(ms: value)
            if index % 3 == 0 { first.record(ms: value) } else { second.record(ms: value) }
        }
        first.merge(second)
        #expect(first.count == whole.count)
        for percentile in [0.0, 1, 10, 50, 90, 95, 99, 99.9, 100] {
            #expect(first.percentileMs(percentile) == whole.percentileMs(percentile), "p\(percentile)")
        }
        #expect(first.meanMs == whole.meanMs)
        #expect(first.maxMs == whole.maxMs)
    }

    @Test("percentiles of added histograms equal the exact percentiles of all values, within HdrHistogram's 3 significant digits")
    func addedWithinPrecision() throws {
        let values = samples(4_000, seed: 8)
        var parts = [LatencyDistribution](repeating: LatencyDistribution(), count: 4)
        for (index, value) in values.enumerated() { parts[index % 4].record(ms: value) }
        var added = parts[0]
        for part in parts.dropFirst() { added.merge(part) }
        let sorted = values.map { ($0 * 1000).rounded() / 1000 }.sorted()
        for percentile in [50.0, 90, 99, 99.9] {
            let rank = max(0, Int((percentile / 100 * Double(sorted.count)).rounded(.up)) - 1)
            let exact = sorted[rank]
            let reported = try #require(added.percentileMs(percentile))
            #expect(abs(reported - exact) <= max(0.001, exact * 1e-3), "p\(percentile): \(reported) vs \(exact)")
        }
    }

    @Test("a level summary survives JSON unchanged, and a shifted one keeps its figures and moves its window")
    func summaryRoundTrip() throws {
        var summary = LevelSummary(target: "t", loadLevel: "r4", goodput: GoodputCriteria(ttftMs: 50, tpotMs: nil, e2eMs: nil))
        for (index, value) in samples(200, seed: 5).enumerated() {
            let record = RequestRecord(
                runID: "r", target: "t", loadLevel: "r4", requestID: index, scheduledS: Double(index) / 4, startS: Double(index) / 4 + 0.0001,
                ttftMs: value, e2eMs: value * 3, tpotMs: value / 10, durationMs: value * 3, promptTokens: 10, outputTokens: 7,
                status: index % 17 == 0 ? .http5xx : .ok
            )
            summary.add(record, gapsNs: [UInt64(value * 1e5)])
        }
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let decoded = try decoder.decode(LevelSummary.self, from: encoder.encode(summary))
        #expect(decoded.requests == summary.requests && decoded.outcomes == summary.outcomes && decoded.goodRequests == summary.goodRequests)
        for (a, b) in [(decoded.ttft, summary.ttft), (decoded.itl, summary.itl), (decoded.e2eFromScheduled, summary.e2eFromScheduled), (decoded.sendLag, summary.sendLag)] {
            #expect(a.count == b.count && a.percentileMs(99) == b.percentileMs(99) && a.meanMs == b.meanMs)
        }
        #expect(decoded.measuredWindowS == summary.measuredWindowS)
        let shifted = decoded.shifted(bySeconds: 2.5)
        let window = try #require(summary.measuredWindowS)
        let moved = try #require(shifted.measuredWindowS)
        #expect(abs(moved.lowerBound - window.lowerBound - 2.5) < 1e-9 && abs(moved.upperBound - window.upperBound - 2.5) < 1e-9)
        #expect(abs(shifted.durationS - summary.durationS) < 1e-9 && shifted.ttft.percentileMs(50) == summary.ttft.percentileMs(50))
        let empty = try decoder.decode(LevelSummary.self, from: encoder.encode(LevelSummary(target: "t", loadLevel: "c1")))
        #expect(empty.measuredWindowS == nil && empty.durationS == 0)
    }
}
