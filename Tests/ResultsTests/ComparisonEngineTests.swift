import Foundation
import Metrics
import RepatSupport
import Results
import Testing

/// The project's seeded generator (SplitMix64) started at `state`, with a log-normal draw.
struct TestGenerator: RandomNumberGenerator {
    private var base: SeededGenerator

    init(state: UInt64) {
        base = SeededGenerator(seed: state)
    }

    mutating func next() -> UInt64 {
        base.next()
    }

    /// A log-normal draw with median `median` and shape `sigma`.
    mutating func logNormal(median: Double, sigma: Double) -> Double {
        let u1 = max(Double.leastNormalMagnitude, Double.random(in: 0..<1, using: &self))
        let u2 = Double.random(in: 0..<1, using: &self)
        return median * exp(sigma * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2))
    }
}

/// A closed-loop level of `count` requests: two slots, each request's latencies drawn log-normal
/// around the given medians (ms), scaled by `scale`; `failEvery` > 0 makes every n-th request fail.
func syntheticRecords(
    seed: UInt64, count: Int = 300, target: String = "t1", level: String = "c2", scale: Double = 1,
    ttftScale: Double = 1, failEvery: Int = 0, warmup: Int = 0
) -> [RequestRecord] {
    var generator = TestGenerator(state: seed)
    var slotFreeS = [0.0, 0.0]
    var records: [RequestRecord] = []
    for id in 0..<(count + warmup) {
        let slot = id % 2
        let start = slotFreeS[slot]
        let ttft = generator.logNormal(median: 40, sigma: 0.3) * scale * ttftScale
        let tpot = generator.logNormal(median: 10, sigma: 0.1) * scale
        let tokens = 16
        let e2e = ttft + tpot * Double(tokens - 1)
        let failed = failEvery > 0 && id % failEvery == 0
        records.append(RequestRecord(
            runID: "r\(seed)", target: target, loadLevel: level, requestID: id, scheduledS: start, startS: start,
            ttftMs: failed ? nil : ttft, e2eMs: failed ? nil : e2e, tpotMs: failed ? nil : tpot,
            durationMs: failed ? ttft : e2e, outputTokens: failed ? 0 : tokens, status: failed ? .http5xx : .ok,
            warmup: id < warmup
        ))
        slotFreeS[slot] = start + (failed ? ttft : e2e) / 1000
    }
    return records
}

/// A pair of synthetic levels compared as runs `base` and `cand`.
func syntheticPair(_ baseline: [RequestRecord], _ candidate: [RequestRecord]) -> ComparisonPair {
    ComparisonPair(
        baseline: "base", candidate: "cand", target: "t1", loadLevel: "c2",
        baselineSample: ComparisonSample(records: baseline), candidateSample: ComparisonSample(records: candidate)
    )
}

/// An engine over the test generator; `minimumChange` 0 so verdicts come from the interval alone.
func testEngine(
    metrics: [ComparisonMetric] = ComparisonMetric.defaults, resamples: Int = 500, minimumChange: Double = 0,
    seed: UInt64 = ComparisonOptions().seed
) -> ComparisonEngine<TestGenerator> {
    let options = ComparisonOptions(metrics: metrics, resamples: resamples, seed: seed, minimumChange: minimumChange)
    return ComparisonEngine(options: options) { seed, stream in
        TestGenerator(state: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
    }
}

private func metric(_ name: String) throws -> ComparisonMetric {
    try #require(ComparisonMetric(name: name))
}

private func verdicts(_ results: [ComparisonRow]) -> [String: ComparisonVerdict] {
    Dictionary(uniqueKeysWithValues: results.map { ($0.metric.name, $0.verdict) })
}

@Suite("Comparison engine")
struct ComparisonEngineTests {
    @Test("nearest-rank percentile agrees with a brute-force count over the sorted values")
    func percentileMatchesBruteForce() {
        var generator = TestGenerator(state: 11)
        for count in [1, 2, 3, 7, 100, 1001] {
            let values = (0..<count).map { _ in Double(Int.random(in: 0..<500, using: &generator)) }
            let sorted = values.sorted()
            for percent in [0.1, 1, 25, 50, 90, 95, 99, 99.9, 100] {
                // Smallest value with at least percent% of values at or below it.
                let expected = sorted.first { value in
                    Double(sorted.filter { $0 <= value }.count) >= percent / 100 * Double(count) - 1e-9
                }
                #expect(BootstrapInterval.percentile(sorted: sorted, percent) == expected, "n=\(count) p=\(percent)")
            }
        }
        #expect(BootstrapInterval.percentile(sorted: [], 50) == nil)
    }

    @Test("two seeded samples of the same distribution compare as noise on every metric")
    func identicalDistributionsAreNoise() {
        let results = testEngine().compare([syntheticPair(syntheticRecords(seed: 1), syntheticRecords(seed: 2))])
        #expect(results.count == ComparisonMetric.defaults.count)
        for result in results {
            #expect(result.verdict == .noise, "\(result.metric): \(String(describing: result.interval))")
        }
    }

    @Test("a planted 20% TTFT shift is worse, with an interval excluding 0, and other metrics follow")
    func plantedShiftIsWorse() throws {
        let results = testEngine().compare([syntheticPair(syntheticRecords(seed: 1), syntheticRecords(seed: 2, ttftScale: 1.2))])
        let byName = verdicts(results)
        #expect(byName["ttft_p50_ms"] == .worse)
        #expect(byName["ttft_p99_ms"] == .worse)
        #expect(byName["tpot_p50_ms"] == .noise)
        let ttft = try #require(results.first { $0.metric.name == "ttft_p50_ms" })
        let interval = try #require(ttft.interval)
        #expect(interval.low > 0 && interval.excludesZero)
        let change = try #require(ttft.relativeDifference)
        #expect(abs(change - 0.2) < 0.07, "relative change \(change)")
        let difference = try #require(ttft.difference)
        #expect(interval.low <= difference && difference <= interval.high)
    }

    @Test("a faster candidate is better on latency and on throughput (higher is better)")
    func throughputDirection() {
        let faster = testEngine().compare([syntheticPair(syntheticRecords(seed: 1), syntheticRecords(seed: 2, scale: 0.8))])
        let byName = verdicts(faster)
        for name in ["ttft_p50_ms", "tpot_p50_ms", "e2e_p50_ms", "req_per_s", "output_tok_per_s"] {
            #expect(byName[name] == .better, "\(name)")
        }
        let slower = verdicts(testEngine().compare([syntheticPair(syntheticRecords(seed: 1), syntheticRecords(seed: 2, scale: 1.25))]))
        #expect(slower["req_per_s"] == .worse)
        #expect(slower["output_tok_per_s"] == .worse)
        #expect(slower["e2e_p50_ms"] == .worse)
    }

    @Test("throughput on the whole sample equals the level summary's figure")
    func throughputMatchesLevelSummary() throws {
        // As compare reads them: through requests.csv, whose microsecond times the summary also uses.
        let text = RequestsCSV.header + syntheticRecords(seed: 3, failEvery: 9, warmup: 4).map(RequestsCSV.row).joined()
        let records = try RequestsCSV.records(from: CSVTable.parse(text), file: "requests.csv")
        var summary = LevelSummary(target: "t1", loadLevel: "c2")
        for record in records { summary.add(record, gapsNs: []) }
        let sample = ComparisonSample(records: records)
        #expect(sample.requests == summary.requests)
        let requestRate = try #require(sample.value(of: try metric("req_per_s")))
        let tokenRate = try #require(sample.value(of: try metric("output_tok_per_s")))
        let errorRate = try #require(sample.value(of: try metric("error_rate")))
        #expect(abs(requestRate - summary.requestsPerSecond) < 1e-9 * summary.requestsPerSecond)
        #expect(abs(tokenRate - summary.outputTokensPerSecond) < 1e-9 * summary.outputTokensPerSecond)
        #expect(abs(errorRate - Double(summary.failed) / Double(summary.requests)) < 1e-12)
    }

    @Test("a candidate that fails one request in five is worse on error rate; none failing on either side is noise")
    func errorRate() {
        let failing = verdicts(testEngine().compare([syntheticPair(syntheticRecords(seed: 1), syntheticRecords(seed: 2, failEvery: 5))]))
        #expect(failing["error_rate"] == .worse)
        let clean = verdicts(testEngine().compare([syntheticPair(syntheticRecords(seed: 1), syntheticRecords(seed: 2))]))
        #expect(clean["error_rate"] == .noise)
    }

    @Test("a change below the minimum is noise even when the interval excludes 0")
    func minimumChange() throws {
        let metrics = [try metric("tpot_p50_ms")]
        let pair = syntheticPair(syntheticRecords(seed: 1, count: 2000), syntheticRecords(seed: 1, count: 2000, scale: 1.01))
        let strict = testEngine(metrics: metrics).compare([pair])
        #expect(strict.first?.verdict == .worse)
        let lenient = testEngine(metrics: metrics, minimumChange: 0.02).compare([pair])
        #expect(lenient.first?.verdict == .noise)
        #expect(lenient.first?.interval == strict.first?.interval)
    }

    @Test("the same inputs and seed give the same intervals; no data gives n/a")
    func reproducibleAndUnavailable() {
        let pair = syntheticPair(syntheticRecords(seed: 1), syntheticRecords(seed: 2, scale: 1.05))
        let first = testEngine().compare([pair])
        let second = testEngine().compare([pair])
        #expect(first.map(\.interval) == second.map(\.interval))
        let allFailed = syntheticRecords(seed: 4, count: 20, failEvery: 1)
        let empty = testEngine().compare([syntheticPair(syntheticRecords(seed: 1), allFailed)])
        #expect(empty.first { $0.metric.name == "ttft_p50_ms" }?.verdict == .unavailable)
        #expect(empty.first { $0.metric.name == "error_rate" }?.verdict == .worse)
    }

    @Test("a metric's interval is the same with every default metric, alone, or in another order; a new seed changes it")
    func perMetricStreams() throws {
        let pairs = [
            syntheticPair(syntheticRecords(seed: 1), syntheticRecords(seed: 2, ttftScale: 1.1)),
            ComparisonPair(
                baseline: "base", candidate: "cand", target: "t2", loadLevel: "c8",
                baselineSample: ComparisonSample(records: syntheticRecords(seed: 3, target: "t2", level: "c8")),
                candidateSample: ComparisonSample(records: syntheticRecords(seed: 4, target: "t2", level: "c8", scale: 1.1))
            ),
        ]
        func intervals(_ engine: ComparisonEngine<TestGenerator>, _ pairs: [ComparisonPair]) -> [String: BootstrapInterval] {
            var byKey: [String: BootstrapInterval] = [:]
            for row in engine.compare(pairs) {
                byKey["\(row.target ?? "-") \(row.loadLevel) \(row.metric.name)"] = row.interval
            }
            return byKey
        }
        let all = intervals(testEngine(resamples: 200), pairs)
        #expect(all.count == 2 * ComparisonMetric.defaults.count)
        let alone = intervals(testEngine(metrics: [try metric("ttft_p99_ms")], resamples: 200), pairs)
        #expect(alone.count == 2)
        for (key, interval) in alone {
            #expect(all[key] == interval, "\(key)")
        }
        let reordered = intervals(testEngine(metrics: ComparisonMetric.defaults.reversed(), resamples: 200), Array(pairs.reversed()))
        #expect(reordered == all)
        let secondPairOnly = intervals(testEngine(resamples: 200), [pairs[1]])
        for (key, interval) in secondPairOnly {
            #expect(all[key] == interval, "\(key)")
        }
        let reseeded = intervals(testEngine(resamples: 200, seed: 42), pairs)
        #expect(reseeded.keys == all.keys)
        for (key, interval) in reseeded where key.hasSuffix("_ms") {
            #expect(all[key] != interval, "\(key): the seed should move the interval")
        }
    }

    @Test("a stream is named by target, level and metric: stable, and different for different names")
    func streamNames() {
        let stream = ComparisonStream.id(target: "t1", loadLevel: "c8", metric: "ttft_p99_ms")
        // FNV-1a is fixed: the same names give this value in every process, on every platform.
        #expect(stream == 0xDBD1_237B_BCD3_0E54)
        let others = [
            ComparisonStream.id(target: "t2", loadLevel: "c8", metric: "ttft_p99_ms"),
            ComparisonStream.id(target: "t1", loadLevel: "c4", metric: "ttft_p99_ms"),
            ComparisonStream.id(target: "t1", loadLevel: "c8", metric: "ttft_p50_ms"),
            ComparisonStream.id(target: "t1c", loadLevel: "8", metric: "ttft_p99_ms"),
        ]
        #expect(Set(others + [stream]).count == 5)
    }

    @Test("warm-up rows are left out of every metric")
    func warmupExcluded() throws {
        var records = syntheticRecords(seed: 5, count: 50)
        let clean = ComparisonSample(records: records)
        for id in 0..<10 {
            records.append(RequestRecord(
                runID: "r", target: "t1", loadLevel: "c2", requestID: 100 + id, scheduledS: 0, startS: 0, ttftMs: 9000,
                e2eMs: 9000, durationMs: 9000, outputTokens: 1, status: .ok, warmup: true
            ))
        }
        let withWarmup = ComparisonSample(records: records)
        for metric in ComparisonMetric.defaults {
            #expect(withWarmup.value(of: metric) == clean.value(of: metric), "\(metric)")
        }
    }
}
