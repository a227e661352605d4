import Foundation
import Metrics
@testable import Results
import Testing

/// `repeats` repeats of a synthetic level, one after another in time (a 10 s gap between them),
/// repeat r's latencies scaled by `shifts[r − 1]` (1 when not given).
func repeatedRecords(seed: UInt64, repeats: Int, count: Int = 60, shifts: [Double] = [], failEvery: Int = 0) -> [RequestRecord] {
    var records: [RequestRecord] = []
    var offsetS = 0.0
    for number in 1...repeats {
        let shift = number <= shifts.count ? shifts[number - 1] : 1
        var part = syntheticRecords(seed: seed &+ UInt64(number) &* 1000, count: count, scale: shift, failEvery: failEvery)
        for index in part.indices {
            part[index].repetition = number
            part[index].startS += offsetS
            part[index].scheduledS += offsetS
        }
        offsetS = (part.map { $0.startS + $0.durationMs / 1000 }.max() ?? offsetS) + 10
        records += part
    }
    return records
}

/// A percentile's interval of candidate − baseline, the two sides given as repeats of plain
/// values: within-run (repeats joined) or two-level.
private func intervals(_ baseline: [[Double]], _ candidate: [[Double]], seed: UInt64 = 5) -> (within: BootstrapInterval, twoLevel: BootstrapInterval)? {
    let median = { (values: [Double]) in BootstrapInterval.percentile(sorted: values.sorted(), 50) }
    var first = TestGenerator(state: seed)
    var second = TestGenerator(state: seed)
    guard let within = BootstrapInterval.difference(
        baseline: baseline.flatMap { $0 }, candidate: candidate.flatMap { $0 }, resamples: 2000, confidence: 0.95, using: &first, statistic: median
    ), let twoLevel = BootstrapInterval.twoLevelDifference(
        baseline: baseline, candidate: candidate, resamples: 2000, confidence: 0.95, using: &second,
        baselineStatistic: median, candidateStatistic: median
    ) else { return nil }
    return (within, twoLevel)
}

/// `count` values drawn log-normal around `median`.
private func draws(_ count: Int, median: Double, seed: UInt64) -> [Double] {
    var generator = TestGenerator(state: seed)
    return (0..<count).map { _ in generator.logNormal(median: median, sigma: 0.3) }
}

@Suite("Two-level bootstrap over repeats")
struct TwoLevelBootstrapTests {
    @Test("with one repeat per side it is exactly the within-run interval")
    func oneRepeatIsWithinRun() throws {
        let result = try #require(intervals([draws(80, median: 40, seed: 1)], [draws(80, median: 44, seed: 2)]))
        #expect(result.twoLevel == result.within)
    }

    @Test("repeats whose means shift give a much wider interval than resampling their requests together")
    func shiftedRepeatsWiden() throws {
        // Five repeats a side, each shifted by up to ±15%: run-to-run spread the within-run bootstrap ignores.
        let shifts = [0.85, 1.0, 1.15, 0.92, 1.08]
        let baseline = shifts.enumerated().map { draws(60, median: 40 * $0.element, seed: 10 + UInt64($0.offset)) }
        let candidate = shifts.reversed().enumerated().map { draws(60, median: 40 * $0.element, seed: 20 + UInt64($0.offset)) }
        let result = try #require(intervals(baseline, candidate))
        let withinWidth = result.within.high - result.within.low
        let twoLevelWidth = result.twoLevel.high - result.twoLevel.low
        #expect(twoLevelWidth > 1.8 * withinWidth, "within \(result.within), two-level \(result.twoLevel)")
        #expect(!result.twoLevel.excludesZero)
    }

    @Test("identical repeats give about the within-run interval of all their requests")
    func identicalRepeatsAgree() throws {
        let one = draws(60, median: 40, seed: 3)
        let other = draws(60, median: 46, seed: 4)
        let result = try #require(intervals(Array(repeating: one, count: 5), Array(repeating: other, count: 5)))
        let withinWidth = result.within.high - result.within.low
        let twoLevelWidth = result.twoLevel.high - result.twoLevel.low
        #expect(abs(twoLevelWidth - withinWidth) < 0.25 * withinWidth, "within \(result.within), two-level \(result.twoLevel)")
        #expect(result.twoLevel.excludesZero && result.within.excludesZero)
    }

    @Test("empty repeats are ignored; a side with no element has no interval")
    func emptyRepeats() {
        var generator = TestGenerator(state: 1)
        let mean = { (values: [Double]) -> Double? in values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
        let none = BootstrapInterval.twoLevelDifference(
            baseline: [[], []], candidate: [[1.0]], resamples: 100, confidence: 0.95, using: &generator, baselineStatistic: mean, candidateStatistic: mean
        )
        #expect(none == nil)
        let some = BootstrapInterval.twoLevelDifference(
            baseline: [[], [2.0, 2.0]], candidate: [[3.0], []], resamples: 100, confidence: 0.95, using: &generator, baselineStatistic: mean, candidateStatistic: mean
        )
        #expect(some == BootstrapInterval(low: 1, high: 1))
    }

    @Test("a sample of repeats counts them, and its throughput is the requests over the sum of the repeats' wall times, as the pooled level summary has it")
    func pooledThroughput() throws {
        let text = RequestsCSV.header + repeatedRecords(seed: 9, repeats: 3, failEvery: 7).map(RequestsCSV.row).joined()
        let records = try RequestsCSV.records(from: CSVTable.parse(text), file: "requests.csv")
        let sample = ComparisonSample(records: records)
        #expect(sample.repeatCount == 3)
        var pooled = LevelSummary(target: "t1", loadLevel: "c2")
        for number in 1...3 {
            var part = LevelSummary(target: "t1", loadLevel: "c2", repetition: number)
            for record in records where record.repetition == number { part.add(record, gapsNs: []) }
            pooled.pool(part)
        }
        #expect(sample.requests == pooled.requests)
        #expect(abs(sample.durationS - pooled.durationS) < 1e-9)
        // The 10 s gaps between repeats are not wall time of the level.
        #expect(pooled.durationS < (records.map { $0.startS + $0.durationMs / 1000 }.max() ?? 0) - 19)
        for (name, expected) in [("req_per_s", pooled.requestsPerSecond), ("output_tok_per_s", pooled.outputTokensPerSecond)] {
            let metric = try #require(ComparisonMetric(name: name))
            let value = try #require(sample.value(of: metric))
            #expect(abs(value - expected) < 1e-9 * expected, "\(name)")
        }
        let ttft = try #require(ComparisonMetric(name: "ttft_p50_ms"))
        let median = try #require(sample.value(of: ttft))
        #expect(median == pooled.ttft.percentileMs(50))
    }

    @Test("both sides repeated: the engine judges between repeats; either side run once: within-run only")
    func engineMethod() {
        let repeated = repeatedRecords(seed: 1, repeats: 3)
        let once = syntheticRecords(seed: 2, count: 180)
        let rows = testEngine(resamples: 200).compare([
            syntheticPair(repeated, repeatedRecords(seed: 2, repeats: 2)), syntheticPair(repeated, once),
        ])
        let count = ComparisonMetric.defaults.count
        #expect(rows.prefix(count).allSatisfy { $0.method == .betweenRepeats && $0.baselineRepeats == 3 && $0.candidateRepeats == 2 })
        #expect(rows.dropFirst(count).allSatisfy { $0.method == .withinRun && $0.baselineRepeats == 3 && $0.candidateRepeats == 1 })
    }

    @Test("a repeated A/A of shifted repeats is noise between repeats where the within-run bootstrap calls it worse")
    func aaBetweenRepeats() throws {
        // Repeats scattered by ±15%, the even ones 8% slower on average by chance: alternate halves
        // of one run, as --aa splits them.
        let records = repeatedRecords(seed: 4, repeats: 8, count: 80, shifts: [0.85, 1.1, 1.0, 0.95, 0.9, 1.15, 1.05, 0.92])
        let run = RunResults(source: "r", name: "r", metadata: nil, records: records)
        let pairs = try ComparisonAlignment.aaPairs(run, target: "t1")
        #expect(pairs.map(\.baseline) == ["t1 odd repeats"] && pairs.map(\.candidate) == ["t1 even repeats"])
        let ttft = try #require(ComparisonMetric(name: "ttft_p50_ms"))
        let between = testEngine(metrics: [ttft], resamples: 1000).compare(pairs)
        #expect(between.first?.method == .betweenRepeats && between.first?.verdict == .noise, "\(String(describing: between.first?.interval))")
        let flattened = pairs.map { pair in
            var joined = pair
            joined.baselineSample = ComparisonSample(records: records.filter { $0.repetition % 2 == 1 }.map { var one = $0; one.repetition = 1; return one })
            joined.candidateSample = ComparisonSample(records: records.filter { $0.repetition % 2 == 0 }.map { var one = $0; one.repetition = 1; return one })
            return joined
        }
        let within = testEngine(metrics: [ttft], resamples: 1000).compare(flattened)
        #expect(within.first?.method == .withinRun && within.first?.verdict == .worse, "\(String(describing: within.first?.interval))")
    }

    @Test("--aa needs the target and repeats of it")
    func aaErrors() {
        let once = RunResults(source: "r", name: "r", metadata: nil, records: syntheticRecords(seed: 1))
        #expect(throws: ComparisonError("--aa t9: no such target in r (t1)")) { try ComparisonAlignment.aaPairs(once, target: "t9") }
        #expect(throws: ComparisonError(
            "--aa t1: r ran each level of t1 once; an A/A comparison needs repeats (load.repeat or repat run --repeat; 4 or more judge between repeats)"
        )) { try ComparisonAlignment.aaPairs(once, target: "t1") }
    }
}
