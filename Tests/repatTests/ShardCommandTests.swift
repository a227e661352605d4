import Foundation
import LoopbackSupport
import Metrics
import Results
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `repat run --shard auto` as a Kubernetes Indexed Job's pods run it (`JOB_COMPLETION_INDEX`,
/// `REPAT_SHARD_COUNT`), against one standalone `repat simulate`, then `repat merge`, and the
/// merged run read by `report` and `compare`.
@Suite("repat run --shard, merge, and the merged run read back", .serialized)
struct ShardCommandTests {
    /// Starts `repat simulate` on a free loopback port; returns the process and its port once it
    /// says it listens.
    private func startSimulator(in workspace: Workspace) async throws -> (Process, Int) {
        let port = try closedLoopbackPort()
        let log = workspace.path + "/simulator.log"
        try #require(FileManager.default.createFile(atPath: log, contents: nil))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try repatExecutable())
        process.arguments = ["simulate", "--port", String(port), "--threads", "2", "--set", "decode_base_ms=1"]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<400 {
            if let text = try? String(contentsOfFile: log, encoding: .utf8), text.contains("listening at") { return (process, port) }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw SimulatorDidNotStart()
    }

    private struct SimulatorDidNotStart: Error {}

    private func scenario(port: Int) -> String {
        """
        name: indexed
        seed: 5
        targets:
          - name: sim
            dialect: openai-chat
            base_url: http://127.0.0.1:\(port)/v1
            model: sim-model
        load:
          rate: [30]
          arrival: poisson
          requests: 45
        workload:
          prompt_tokens: 16
          max_tokens: 8
          ignore_eos: true

        """
    }

    @Test("three Indexed Job pods (JOB_COMPLETION_INDEX 0–2) against one simulator merge into the single process's requests and digest; report and compare read the merged run")
    func indexedJobContract() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let (simulator, port) = try await startSimulator(in: workspace)
        defer { simulator.terminate() }
        let file = try workspace.scenario("indexed.yaml", scenario(port: port))

        let single = try await runRepat(["run", file, "--results-dir", workspace.path + "/single", "--quiet"], in: workspace)
        try #require(single.status == 0, "stderr: \(single.stderr)")
        let singleRun = workspace.path + "/single/" + (try FileManager.default.contentsOfDirectory(atPath: workspace.path + "/single")[0])

        let barrier = workspace.path + "/barrier"
        let outcomes = try await withThrowingTaskGroup(of: RepatOutcome.self) { group in
            for index in 0..<3 {
                let pod = try Workspace()
                group.addTask {
                    defer { pod.remove() }
                    var environment = ProcessInfo.processInfo.environment
                    environment["JOB_COMPLETION_INDEX"] = String(index)
                    environment["REPAT_SHARD_COUNT"] = "3"
                    return try await runRepat(
                        ["run", file, "--shard", "auto", "--barrier", barrier, "--run-id", "indexed-1", "--results-dir", workspace.results, "--quiet"],
                        in: pod, environment: environment
                    )
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for outcome in outcomes { #expect(outcome.status == 0, "stderr: \(outcome.stderr)") }
        let run = workspace.results + "/indexed-1"
        let merge = try await runRepat(["merge", run], in: workspace)
        try #require(merge.status == 0, "stderr: \(merge.stderr)")
        #expect(merge.stdout.contains("results: \(run)"))

        let merged = try RunResults.load(run)
        let one = try RunResults.load(singleRun)
        #expect(merged.records.count == 45 && merged.records.map(\.requestID).sorted() == Array(0..<45))
        #expect(merged.metadata?.workloadDigest == one.metadata?.workloadDigest)
        #expect(merged.metadata?.shards?.map(\.index) == [0, 1, 2])
        if FileManager.default.fileExists(atPath: run + "/shard-2-of-3/telemetry.csv") {
            let telemetry = try String(contentsOfFile: run + "/telemetry.csv", encoding: .utf8)
            #expect(telemetry.contains("shard=\"\"2\"\""), "each shard's telemetry rows, labelled")
        }

        let report = try await runRepat(["report", run], in: workspace)
        #expect(report.status == 0, "stderr: \(report.stderr)")
        #expect(FileManager.default.fileExists(atPath: run + "/report.html"))
        let compare = try await runRepat(["compare", singleRun, run, "--format", "csv"], in: workspace)
        #expect(compare.status == 0, "stderr: \(compare.stderr)")
        #expect(compare.stdout.contains("r30"))

        let again = try await runRepat(["merge", run], in: workspace)
        #expect(again.status == 2 && again.stderr.contains("already exists"))
    }

    @Test("--shard auto outside a scheduler, and --barrier without --shard, are refused with one line")
    func refusals() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let file = try workspace.scenario("s.yaml", scenario(port: 9))
        var environment = ProcessInfo.processInfo.environment
        for name in ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"] { environment[name] = nil }
        let auto = try await runRepat(["run", file, "--shard", "auto", "--run-id", "x", "--results-dir", workspace.results], in: workspace, environment: environment)
        #expect(auto.status != 0 && auto.stderr.contains("neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX"))
        let barrier = try await runRepat(["run", file, "--barrier", workspace.path], in: workspace)
        #expect(barrier.status != 0 && barrier.stderr.contains("give --shard"))
        #expect(workspace.runFolders().isEmpty)
    }
}
