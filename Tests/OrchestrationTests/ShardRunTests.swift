import Foundation
import LoopbackSupport
import LoadGen
import Metrics
@testable import Orchestration
import Results
import Testing
import Workload

/// A run split into shards, each a whole `BenchmarkRun` in this process against its own in-process
/// simulator, then merged, compared with the same scenario run by one process.
@Suite("shards and their merge, end to end", .serialized)
struct ShardRunTests {
    /// Runs shards `0..<count` of `yaml` together (a barrier under `folder`), writing
    /// `folder/results/<runID>/shard-i-of-N/`; returns the run folder.
    private func runShards(_ yaml: String, count: Int, in folder: String, runID: String = "split") async throws -> String {
        CurlSetup.ensure()
        let plan = try makePlan(yaml)
        let resultsRoot = (folder as NSString).appendingPathComponent("results")
        let barrier = (folder as NSString).appendingPathComponent("barrier")
        try await withThrowingTaskGroup(of: BenchmarkRun.Report.self) { group in
            for index in 0..<count {
                group.addTask {
                    var run = BenchmarkRun(plan: plan, resultsRoot: resultsRoot) { _ in }
                    run.shard = ShardSetup(shard: Shard(index: index, count: count)!, runID: runID, start: .barrier(folder: barrier, timeoutS: 60))
                    return try await run.execute(stop: StopSignal())
                }
            }
            for try await report in group { #expect(report.status == .completed, "\(report.failure ?? "")") }
        }
        return (resultsRoot as NSString).appendingPathComponent(runID)
    }

    private let openLoop = scenarioYAML(
        name: "split-open", targets: simulatedTarget("sim"), load: ["rate: [40, 80]", "arrival: poisson", "requests: 60"]
    )

    @Test("three open-loop shards merge into the single process's requests: same count, ids, scheduled offsets and workload digests; summary.csv from the added histograms equals one rebuilt from every merged row")
    func openLoopMerge() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let (single, _) = try await runBenchmark(openLoop, in: folder)
        let run = try await runShards(openLoop, count: 3, in: folder)
        let merged = try ShardMerge.merge([run], output: nil)
        #expect(merged.notes.isEmpty)

        let one = try RunResults.load(single.directory.path)
        let union = try RunResults.load(run)
        #expect(union.records.count == one.records.count)
        for level in ["r40", "r80"] {
            let ids = union.records.filter { $0.loadLevel == level }.map(\.requestID)
            #expect(ids.sorted() == Array(0..<60), "every global id once at \(level)")
        }
        #expect(union.metadata?.workloadDigest == one.metadata?.workloadDigest)
        #expect(union.metadata?.levels.map(\.workloadDigest) == one.metadata?.levels.map(\.workloadDigest))
        #expect(union.metadata?.runID == "split" && union.records.allSatisfy { $0.runID == "split" })
        #expect(union.records.map(\.scheduledS) == union.records.map(\.scheduledS).sorted(), "rows ordered by scheduled time")
        // The shards started together: each arrival's scheduled offset from its level's first
        // is the single schedule's, up to the clock's agreement (microseconds in one process).
        for level in ["r40", "r80"] {
            let mine = byRequestID(union.records.filter { $0.loadLevel == level })
            let theirs = byRequestID(one.records.filter { $0.loadLevel == level })
            for (a, b) in zip(mine, theirs) {
                #expect(abs((a.scheduledS - mine[0].scheduledS) - (b.scheduledS - theirs[0].scheduledS)) < 0.002, "request \(a.requestID) at \(level)")
            }
        }

        let rebuilt = union.summaries()
        for (row, whole) in zip(merged.levels, rebuilt) {
            let added = row.summary
            #expect(added.requests == whole.requests && added.succeeded == whole.succeeded && added.outputTokens == whole.outputTokens)
            for percentile in [50.0, 90, 99] {
                #expect(added.ttft.percentileMs(percentile) == whole.ttft.percentileMs(percentile))
                #expect(added.e2e.percentileMs(percentile) == whole.e2e.percentileMs(percentile))
                #expect(added.tpot.percentileMs(percentile) == whole.tpot.percentileMs(percentile))
                #expect(added.sendLag.percentileMs(percentile) == whole.sendLag.percentileMs(percentile))
            }
            #expect(abs(added.durationS - whole.durationS) < 1e-6, "throughput over the union window")
        }
        let shards = try #require(union.metadata?.shards)
        #expect(shards.map(\.index) == [0, 1, 2] && shards.allSatisfy { $0.levels?.count == 2 && $0.start.hasPrefix("barrier ") })
        let summaryText = try String(contentsOfFile: merged.directory.summaryCSV, encoding: .utf8)
        #expect(summaryText.split(separator: "\n").count == 3)
    }

    @Test("closed-loop shards split concurrency and requests: 51 requests at c4 over two shards are ids 0..<51 once, with the single run's digest")
    func closedLoopMerge() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let yaml = scenarioYAML(name: "split-closed", targets: simulatedTarget("sim"), load: ["concurrency: [4]", "requests: 51"])
        let (single, _) = try await runBenchmark(yaml, in: folder)
        let run = try await runShards(yaml, count: 2, in: folder)
        let shard1 = try RunResults.load((run as NSString).appendingPathComponent("shard-1-of-2"))
        #expect(shard1.records.map(\.requestID).sorted() == Array(stride(from: 1, to: 51, by: 2)))
        _ = try ShardMerge.merge([run], output: (folder as NSString).appendingPathComponent("merged"))
        let union = try RunResults.load((folder as NSString).appendingPathComponent("merged"))
        #expect(union.records.map(\.requestID).sorted() == Array(0..<51))
        #expect(union.metadata?.workloadDigest != nil)
        #expect(try union.metadata?.workloadDigest == RunResults.load(single.directory.path).metadata?.workloadDigest)
    }

    @Test("merge refuses a missing shard, a duplicated shard and a shard of another seed, naming it")
    func refusals() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let yaml = scenarioYAML(name: "split-refuse", targets: simulatedTarget("sim"), load: ["rate: [50]", "arrival: constant", "requests: 6"])
        let run = try await runShards(yaml, count: 3, in: folder)
        let shard = { (index: Int) in (run as NSString).appendingPathComponent("shard-\(index)-of-3") }
        let output = (folder as NSString).appendingPathComponent("out")

        let missing = #expect(throws: ShardMerge.Failure.self) { try ShardMerge.merge([shard(0), shard(2)], output: output) }
        #expect(missing?.description.contains("1/3 missing") == true, "\(missing?.description ?? "")")
        let twice = #expect(throws: ShardMerge.Failure.self) { try ShardMerge.merge([shard(0), shard(1), shard(1), shard(2)], output: output) }
        #expect(twice?.description.contains("shard 1/3 given twice") == true, "\(twice?.description ?? "")")

        let copy = (folder as NSString).appendingPathComponent("other-seed")
        try FileManager.default.copyItem(atPath: shard(2), toPath: copy)
        let runJSON = (copy as NSString).appendingPathComponent("run.json")
        let text = try String(contentsOfFile: runJSON, encoding: .utf8).replacingOccurrences(of: "\"seed\" : 11", with: "\"seed\" : 12")
        try text.write(toFile: runJSON, atomically: true, encoding: .utf8)
        let seed = #expect(throws: ShardMerge.Failure.self) { try ShardMerge.merge([shard(0), shard(1), copy], output: output) }
        #expect(seed?.description.contains("seed 12") == true, "\(seed?.description ?? "")")
        #expect(!FileManager.default.fileExists(atPath: (output as NSString).appendingPathComponent("requests.csv")))
    }

    @Test("--start-at starts two shards' schedules together on the wall clock; a time already passed by more than a second fails the shard, naming it")
    func startAt() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        CurlSetup.ensure()
        let plan = try makePlan(scenarioYAML(name: "split-at", targets: simulatedTarget("sim"), load: ["rate: [50]", "arrival: constant", "requests: 10"]))
        let resultsRoot = (folder as NSString).appendingPathComponent("results")
        let start = Date().addingTimeInterval(2)
        try await withThrowingTaskGroup(of: BenchmarkRun.Report.self) { group in
            for index in 0..<2 {
                group.addTask {
                    var run = BenchmarkRun(plan: plan, resultsRoot: resultsRoot) { _ in }
                    run.shard = ShardSetup(shard: Shard(index: index, count: 2)!, runID: "at", start: .at(start))
                    return try await run.execute(stop: StopSignal())
                }
            }
            for try await report in group { #expect(report.status == .completed, "\(report.failure ?? "")") }
        }
        let run = (resultsRoot as NSString).appendingPathComponent("at")
        _ = try ShardMerge.merge([run], output: nil)
        let records = byRequestID(try RunResults.load(run).records)
        #expect(records.map(\.requestID) == Array(0..<10))
        // Request 1 (shard 1) is due 20 ms after request 0 (shard 0), each on its own process's clock.
        #expect(abs(records[1].scheduledS - records[0].scheduledS - 0.020) < 0.002, "\(records[1].scheduledS - records[0].scheduledS)")

        var late = BenchmarkRun(plan: plan, resultsRoot: resultsRoot) { _ in }
        late.shard = ShardSetup(shard: Shard(index: 0, count: 2)!, runID: "late", start: .at(Date().addingTimeInterval(-5)))
        let report = try await late.execute(stop: StopSignal())
        #expect(report.status == .failed && report.failure?.contains("had passed by") == true && report.failure?.contains("shard 0/2") == true, "\(report.failure ?? "")")
    }

    @Test("a saturation search, or a concurrency or max_in_flight below the shard count, cannot be split")
    func refusedPlans() throws {
        let shard = ShardSetup(shard: Shard(index: 0, count: 4)!, runID: "x", start: .immediately)
        let closed = try makePlan(scenarioYAML(name: "c", targets: simulatedTarget("sim"), load: ["concurrency: [2, 8]", "requests: 8"]))
        #expect(shard.problems(closed).count == 1 && shard.problems(closed)[0].contains("level c2 has concurrency 2, below the 4 shards"))
        let saturation = try makePlan(scenarioYAML(
            name: "s", targets: simulatedTarget("sim"), load: ["saturation:", "  min_rate: 1", "  max_rate: 8", "  steps: 2", "arrival: constant", "requests: 8"],
            slo: ["ttft_p99_ms: 100"]
        ))
        #expect(shard.problems(saturation).contains { $0.contains("saturation search cannot be split") })
        #expect(shard.warnings(closed) == [
            "warning: level c2: concurrency 2 does not divide among 4 shards; shards with fewer workers take longer over their equal share of requests",
            "warning: shard 0/4 starts each level as soon as it is ready: without --barrier or --start-at, shards are not aligned",
        ])
    }
}

@Suite("the shards' barrier as arithmetic")
struct ShardBarrierTests {
    @Test("waits for every shard, starts everyone two seconds after the last check-in, and names the missing at the deadline")
    func decisions() {
        let second: Int64 = 1_000_000_000
        #expect(ShardBarrier.decide(checkIns: [0: 10 * second, 2: 11 * second], count: 3, nowUnixNs: 12 * second, deadlineUnixNs: 20 * second) == .wait)
        #expect(ShardBarrier.decide(checkIns: [0: 10 * second, 1: 14 * second, 2: 11 * second], count: 3, nowUnixNs: 14 * second, deadlineUnixNs: 20 * second) == .start(atUnixNs: 16 * second))
        #expect(ShardBarrier.decide(checkIns: [1: 10 * second], count: 3, nowUnixNs: 20 * second, deadlineUnixNs: 20 * second) == .timedOut(missing: [0, 2]))
    }
}
