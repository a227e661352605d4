import Foundation
import LoopbackSupport
import LoadGen
import Orchestration
import Metrics
import Results
import Testing

/// Whole runs over several load levels and targets: which levels run, in what order, on what
/// work, and what the run folder says about them.
@Suite("load sweeps, identical work, warm-up and the error-rate guard, end to end")
struct LoadSweepTests {
    @Test("a rate sweep over two targets runs one level per target and rate, labelled r12.5 and r50, target by target")
    func rateSweep() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let yaml = scenarioYAML(
            name: "rate-sweep", targets: simulatedTarget("a") + "\n" + simulatedTarget("b"),
            load: ["rate: [12.5, 50]", "arrival: constant", "requests: 4"]
        )
        let (report, _) = try await runBenchmark(yaml, in: folder)
        #expect(report.status == .completed)
        #expect(report.summaries.map { "\($0.target)/\($0.loadLevel)" } == ["a/r12.5", "a/r50", "b/r12.5", "b/r50"])
        #expect(report.summaries.allSatisfy { $0.requests == 4 && $0.succeeded == 4 })

        let rows = try readRequestRows(report.directory)
        #expect(rows.count == 16)
        let counts = Dictionary(grouping: rows) { "\($0["target"] ?? "")/\($0["load_level"] ?? "")" }.mapValues(\.count)
        #expect(counts == ["a/r12.5": 4, "a/r50": 4, "b/r12.5": 4, "b/r50": 4])

        let metadata = try readRunJSON(report.directory)
        #expect(metadata["load_levels"] as? [String] == ["r12.5", "r50"])
        let levels = try #require(metadata["levels"] as? [[String: Any]])
        #expect(levels.map { "\($0["target"] as? String ?? "")/\($0["load_level"] as? String ?? "")" } == ["a/r12.5", "a/r50", "b/r12.5", "b/r50"])
        #expect(levels.allSatisfy { $0["requests"] as? Int == 4 && $0["ok"] as? Int == 4 })
    }

    @Test("order: interleaved runs each concurrency level on every target before the next level")
    func interleavedOrder() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let yaml = scenarioYAML(
            name: "interleaved", targets: simulatedTarget("a") + "\n" + simulatedTarget("b"),
            load: ["concurrency: [1, 4]", "requests: 4", "order: interleaved"]
        )
        let (report, _) = try await runBenchmark(yaml, in: folder)
        #expect(report.status == .completed)
        #expect(report.summaries.map { "\($0.target)/\($0.loadLevel)" } == ["a/c1", "b/c1", "a/c4", "b/c4"])

        // Rows are written as requests finish, so the file shows the order levels ran in.
        let rows = try readRequestRows(report.directory)
        let sequence = rows.map { "\($0["target"] ?? "")/\($0["load_level"] ?? "")" }
        let expected = ["a/c1", "b/c1", "a/c4", "b/c4"].flatMap { Array(repeating: $0, count: 4) }
        #expect(sequence == expected)
        #expect(try readRunJSON(report.directory)["load_levels"] as? [String] == ["c1", "c4"])
    }

    @Test("targets speaking different dialects get equal workload digests; the same seed repeats the run digest, another seed changes it")
    func workloadDigests() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        func yaml(seed: Int) -> String {
            scenarioYAML(
                name: "digest", seed: seed,
                targets: simulatedTarget("chat", dialect: "openai-chat") + "\n" + simulatedTarget("text", dialect: "openai-completions"),
                load: ["rate: [40]", "arrival: poisson", "requests: 6"]
            )
        }
        let (first, _) = try await runBenchmark(yaml(seed: 11), in: folder)
        #expect(first.summaries.map(\.target) == ["chat", "text"])
        #expect(first.summaries.allSatisfy { $0.succeeded == 6 }, "both dialects were served")
        let chatDigest = try #require(first.summaries[0].workloadDigest)
        #expect(chatDigest.count == 64)
        #expect(first.summaries[1].workloadDigest == chatDigest)
        let firstMetadata = try readRunJSON(first.directory)
        let levels = try #require(firstMetadata["levels"] as? [[String: Any]])
        #expect(levels.count == 2)
        #expect(levels.allSatisfy { $0["workload_digest"] as? String == chatDigest })
        let runDigest = try #require(firstMetadata["workload_digest"] as? String)
        #expect(runDigest.count == 64)

        let (again, _) = try await runBenchmark(yaml(seed: 11), in: folder)
        #expect(again.directory.path != first.directory.path)
        #expect(try readRunJSON(again.directory)["workload_digest"] as? String == runDigest)

        let (other, _) = try await runBenchmark(yaml(seed: 12), in: folder)
        let otherDigest = try #require(try readRunJSON(other.directory)["workload_digest"] as? String)
        #expect(otherDigest != runDigest)
        #expect(other.summaries[0].workloadDigest != chatDigest)
    }

    @Test("warmup_requests 3 of 10: all 10 rows in the file, the first 3 flagged, the summary counting 7")
    func warmup() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let yaml = scenarioYAML(name: "warmup", targets: simulatedTarget("cold"), load: ["concurrency: [2]", "requests: 10", "warmup_requests: 3"])
        let (report, _) = try await runBenchmark(yaml, in: folder)
        let rows = try readRequestRows(report.directory)
        #expect(rows.count == 10)
        let flagged = rows.filter { $0["warmup"] == "true" }
        #expect(flagged.count == 3)
        #expect(Set(flagged.compactMap { $0["request_id"] }) == ["0", "1", "2"])
        #expect(rows.filter { $0["warmup"] == "false" }.count == 7)

        let summary = try #require(report.summaries.first)
        #expect(summary.requests == 7)
        #expect(summary.warmupRequests == 3)
        #expect(summary.succeeded == 7)
        let level = try #require((try readRunJSON(report.directory)["levels"] as? [[String: Any]])?.first)
        #expect(level["requests"] as? Int == 7)
        #expect(level["warmup_requests"] as? Int == 3)
    }

    @Test("a closed level whose requests all fail stops far short of 200 requests, with the abort reason in the summary, run.json and log")
    func errorRateAbort() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let yaml = scenarioYAML(
            name: "abort", targets: simulatedTarget("broken", options: ["error_rate": "1"]),
            load: ["concurrency: [2]", "requests: 200", "abort_error_rate: 0.5", "abort_window: 5"]
        )
        let (report, log) = try await runBenchmark(yaml, in: folder)
        let rows = try readRequestRows(report.directory)
        #expect(rows.count >= 5 && rows.count < 20, "\(rows.count) requests were sent")
        #expect(rows.allSatisfy { $0["status"] == "http_5xx" })

        let summary = try #require(report.summaries.first)
        #expect(summary.requests == rows.count)
        let reason = try #require(summary.abortReason)
        #expect(reason.contains("50%"), "\(reason)")
        let level = try #require((try readRunJSON(report.directory)["levels"] as? [[String: Any]])?.first)
        #expect(level["abort_reason"] as? String == reason)
        #expect(log.contains { $0.contains("aborted") && $0.contains(reason) })
    }
}
