import Foundation
import Metrics
import Results
import Testing

/// Runs that end badly — killed outright, cancelled by a second Ctrl-C — and secrets planted in
/// the environment, checked from outside the process like a user would.
@Suite("robust runs", .serialized)
struct RobustRunTests {
    private static let longScenario = """
        name: long
        targets:
          - name: t1
            dialect: openai-chat
            base_url: sim://slow
            model: m
            api_key_env: REPAT_TEST_KEY
            simulator:
              decode_base_ms: 20
              error_rate: 0.3
        load:
          concurrency: 4
          requests: 2000
        workload:
          prompt_tokens: 16
          max_tokens: 8
          ignore_eos: true

        """

    /// Waits until the run in `results` has written its run.json, then `extra` more.
    private static func waitForRun(in results: String, then extra: Duration) async throws {
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            let folders = (try? FileManager.default.contentsOfDirectory(atPath: results)) ?? []
            if let folder = folders.first, FileManager.default.fileExists(atPath: results + "/" + folder + "/run.json") { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: extra)
    }

    private static func environment(key: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["REPAT_TEST_KEY"] = key
        return environment
    }

    @Test("kill -9 mid-run leaves a requests.csv whose every row is complete")
    func killedRun() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let file = try workspace.scenario("long.yaml", Self.longScenario)
        let results = workspace.results
        let outcome = try await runRepat(["run", file, "--results-dir", results], in: workspace, environment: Self.environment(key: "sk-kill-test-0001"), timeout: .seconds(40)) { pid in
            try await Self.waitForRun(in: results, then: .milliseconds(1500))
            kill(pid, SIGKILL)
        }
        #expect(outcome.signalled)
        let folders = workspace.runFolders()
        try #require(folders.count == 1)
        let text = try String(contentsOfFile: results + "/" + folders[0] + "/requests.csv", encoding: .utf8)
        #expect(text.hasSuffix("\n"), "the last row is whole: rows are written with one write(2) each")
        let table = try CSVTable.parse(text)
        #expect(table.header == RequestsCSV.columns)
        #expect(table.rows.count >= 4, "rows finished before the kill are on disk")
        let records = try RequestsCSV.records(from: table, file: "requests.csv")
        #expect(records.allSatisfy { $0.runID == folders[0] })
    }

    @Test("a second Ctrl-C cancels requests in flight: they are recorded as cancelled and the run is interrupted")
    func cancelledRun() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let file = try workspace.scenario("long.yaml", Self.longScenario.replacingOccurrences(of: "decode_base_ms: 20", with: "decode_base_ms: 400"))
        let results = workspace.results
        let outcome = try await runRepat(["run", file, "--results-dir", results], in: workspace, environment: Self.environment(key: "sk-cancel-test-0001"), timeout: .seconds(40)) { pid in
            try await Self.waitForRun(in: results, then: .milliseconds(600))
            kill(pid, SIGINT)
            try await Task.sleep(for: .milliseconds(300))
            kill(pid, SIGINT)
        }
        #expect(outcome.status == 130, "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("repat: cancelling requests in flight"))
        let folder = results + "/" + (workspace.runFolders().first ?? "")
        let metadata = try RunMetadata.read(from: folder + "/run.json")
        #expect(metadata.status == .interrupted)
        let run = try RunResults.load(folder)
        #expect(run.records.contains { $0.status == .cancelled }, "\(run.records.map(\.status))")
        #expect(FileManager.default.fileExists(atPath: folder + "/summary.csv"))
    }

    @Test("a planted API key appears in no output: not stdout, stderr, requests.csv, summary.csv, run.json or the report")
    func plantedSecret() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let key = "sk-PLANTED-\(UUID().uuidString)"
        let short = Self.longScenario.replacingOccurrences(of: "requests: 2000", with: "requests: 24")
            .replacingOccurrences(of: "decode_base_ms: 20", with: "decode_base_ms: 2")
        let file = try workspace.scenario("secret.yaml", short)
        let results = workspace.results
        let run = try await runRepat(["run", file, "--results-dir", results], in: workspace, environment: Self.environment(key: key))
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let folder = results + "/" + (workspace.runFolders().first ?? "")
        let report = try await runRepat(["report", folder], in: workspace, environment: Self.environment(key: key))
        #expect(report.status == 0, "stderr: \(report.stderr)")
        var texts = [run.stdout, run.stderr, report.stdout, report.stderr]
        for name in (try FileManager.default.contentsOfDirectory(atPath: folder)) {
            texts.append(try String(contentsOfFile: folder + "/" + name, encoding: .utf8))
        }
        #expect(texts.count >= 8, "requests.csv, summary.csv, run.json and report.html were all read")
        for text in texts {
            #expect(!text.contains(key))
            #expect(!text.contains("PLANTED"))
        }
        // The run had errors (error_rate 0.3), so error texts were written and still hold no key.
        #expect(texts.contains { $0.contains("http_5xx") })
    }
}
