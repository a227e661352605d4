import Foundation
import LoadGen
import LoopbackSupport
import Metrics
import Results
import Testing
import Workload

@testable import Orchestration

/// What a run prints on the terminal besides the final table: the level-end line, the client
/// ceiling note and the whole-run estimate.
@Suite("run log lines")
struct RunLogTests {
    /// A level of `count` requests sent 0.1 s apart, each 50 ms long.
    private static func summary(count: Int) -> LevelSummary {
        var summary = LevelSummary(target: "sim", loadLevel: "c2")
        for id in 0..<count {
            let start = Double(id) * 0.1
            summary.add(RequestRecord(
                runID: "r", target: "sim", loadLevel: "c2", requestID: id, scheduledS: start, startS: start + 0.0015, ttftMs: 1.8,
                e2eMs: 50, tpotMs: 6, durationMs: 50, outputTokens: 6, status: .ok), gapsNs: [])
        }
        return summary
    }

    /// An estimate's fields, to compare with a tuple.
    private static func parts(_ estimate: RunEstimate) -> (Int, Double?, Bool) {
        (estimate.levelRuns, estimate.seconds, estimate.isUpperBound)
    }

    @Test("a closed-loop level reports its request rate only; an open-loop one also the rate it was sent at")
    func sendRateOpenLoopOnly() {
        let summary = Self.summary(count: 1)
        let closed = LoadLevel(pattern: .closed(concurrency: 2, rampSeconds: nil), requestLimit: 1, durationLimit: nil)
        let open = LoadLevel(pattern: .open(rate: 10, arrival: .constant, maxInFlight: nil), requestLimit: 3, durationLimit: nil)
        let three = Self.summary(count: 3)
        #expect(RunLog.levelEnded(summary, nil, level: closed)
            == "sim c2: 1 request, 0 errors, 20.000 req/s, 120.000 output tok/s, TTFT p50 1.800 ms, send lag p99 1.500 ms")
        #expect(!RunLog.levelEnded(three, nil, level: closed).contains("sent at"))
        #expect(RunLog.levelEnded(three, nil, level: open).hasSuffix(", sent at 10.000 req/s"))
    }

    @Test("a level whose server ignored max_tokens says so in its line and under the final table")
    func overrun() {
        var summary = Self.summary(count: 2)
        summary.add(RequestRecord(
            runID: "r", target: "sim", loadLevel: "c2", requestID: 2, scheduledS: 0.2, startS: 0.2, durationMs: 5, outputTokens: 27,
            status: .overrun, error: "outputOverrun: 27 output tokens for max_tokens 10: the server ignores the length limit"), gapsNs: [])
        let level = LoadLevel(pattern: .closed(concurrency: 2, rampSeconds: nil), requestLimit: 3, durationLimit: nil)
        #expect(RunLog.levelEnded(summary, nil, level: level).hasSuffix(
            ", send lag p99 1.500 ms; 1 request overran max_tokens: the server ignores the length limit"))
        let table = SummaryTable.render([SummaryCSV.Row(summary: summary, slo: nil)])
        #expect(table.hasSuffix("\nsim c2: 1 request overran max_tokens: the server ignores the length limit (status overrun)\n"))
        #expect(!RunLog.levelEnded(Self.summary(count: 2), nil, level: level).contains("overran"))
    }

    @Test("a level's request count reads in the singular for one request")
    func plainCounts() {
        let level = LoadLevel(pattern: .closed(concurrency: 1, rampSeconds: nil), requestLimit: 1, durationLimit: nil)
        #expect(RunLog.describe(level) == "closed loop, concurrency 1, 1 request")
    }

    @Test("the estimate is the sum of each level's limit over every target, or unknown for closed loops bounded by requests")
    func estimate() throws {
        let targets = simulatedTarget("a") + "\n" + simulatedTarget("b")
        let timed = try makePlan(scenarioYAML(targets: targets, load: ["concurrency: [1, 2, 4]", "duration: 20"]))
        #expect(Self.parts(RunEstimate(timed)) == (6, 120, false))
        #expect(timed.estimateLine.hasPrefix("estimated run time: about 2 min (6 level runs: 3 load levels × 2 targets; assumes"))

        let counted = try makePlan(scenarioYAML(targets: targets, load: ["concurrency: [1, 2]", "requests: 50"]))
        #expect(RunEstimate(counted).seconds == nil)
        #expect(counted.estimateLine.hasPrefix("estimated run time: unknown (4 level runs: 2 load levels × 2 targets)"))

        let bounded = try makePlan(scenarioYAML(targets: targets, load: ["concurrency: [1]", "requests: 50", "duration: 30"]))
        #expect(Self.parts(RunEstimate(bounded)) == (2, 60, true))

        let open = try makePlan(scenarioYAML(targets: simulatedTarget("a"), load: ["rate: [2, 10]", "requests: 60", "duration: 20"]))
        #expect(Self.parts(RunEstimate(open)) == (2, 26, false), "min(20 s, 60/2 s) + min(20 s, 60/10 s)")

        let search = try makePlan(scenarioYAML(
            targets: simulatedTarget("a"), load: ["saturation: {min_rate: 1, max_rate: 8, steps: 3}", "duration: 10"], slo: ["ttft_p99_ms: 500"]))
        #expect(Self.parts(RunEstimate(search)) == (5, 50, true))
        #expect(search.estimateLine.hasPrefix("estimated run time: at most 50 s (5 level runs at most: saturation probes × 1 target;"))
    }

    @Test("durations read as seconds, minutes or hours", arguments: [(45.0, "45 s"), (59.2, "1 min"), (200, "3 min 20 s"), (3600, "1 h"), (7499, "2 h 5 min")])
    func durationText(seconds: Double, expected: String) {
        #expect(RunEstimate.text(seconds) == expected)
    }

    @Test("a run logs its estimate once at the start and the unmeasured ceiling at most once, never per level")
    func runLines() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let (report, log) = try await runBenchmark(
            scenarioYAML(targets: simulatedTarget("sim"), load: ["concurrency: [1, 2]", "requests: 4"]), in: folder)
        try #require(report.status == .completed)
        #expect(log.filter { $0.hasPrefix("estimated run time: unknown") }.count == 1)
        #expect(log.filter { $0.contains("ceiling not measured") }.count <= 1, "\(log)")
        #expect(log.filter { $0.contains("client CPU") }.count == 2)
        #expect(!log.contains { $0.contains("sent at") }, "closed loop: request rate only")
    }
}
