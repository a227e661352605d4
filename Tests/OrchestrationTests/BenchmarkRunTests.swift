import CurlTransport
import Dialects
import Foundation
import LoadGen
import Orchestration
import LoopbackSupport
import Metrics
import Results
import Testing
import Workload

/// Whole runs: scenario file in, run folder out.
@Suite("benchmark runs end to end")
struct BenchmarkRunTests {
    /// Writes `yaml` to a scenario file in `folder` and loads a plan from it.
    private static func plan(_ yaml: String, in folder: String, environment: [String: String] = [:]) throws -> RunPlan {
        let path = (folder as NSString).appendingPathComponent("scenario.yaml")
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader(environment: environment, catalog: DialectRegistry.catalog).load(path: path)
        return try RunPlan(scenario: scenario, environment: environment, simulators: BuiltInSimulators())
    }

    /// The rows of a run's requests.csv, header first; fails the test when it does not parse.
    private static func csvRows(_ directory: RunDirectory) throws -> [[String]] {
        let text = try String(contentsOfFile: directory.requestsCSV, encoding: .utf8)
        return try #require(parseCSV(text), "requests.csv must parse and end with a complete row")
    }

    /// run.json as a JSON object. Read directly rather than through `RunMetadata.read`, so the
    /// test checks the file's own keys.
    private static func runJSON(_ directory: RunDirectory) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: directory.runJSON))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("a run of two simulated targets at two levels writes one CSV row per request and a completed run.json")
    func completedRun() async throws {
        CurlSetup.ensure()
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let targets = simulatedTarget("fast") + "\n" + simulatedTarget("slow", options: ["decode_base_ms": "4", "error_rate": "0.3"])
        let plan = try Self.plan(scenarioYAML(name: "e2e", targets: targets, concurrency: [1, 3], requests: 5), in: folder)
        let resultsRoot = (folder as NSString).appendingPathComponent("results")
        let log = LogLines()
        let report = try await BenchmarkRun(plan: plan, resultsRoot: resultsRoot) { log.append($0) }.execute(stop: StopSignal())

        #expect(report.status == .completed)
        #expect(report.failure == nil)
        #expect(report.summaries.map { "\($0.target)/\($0.loadLevel)" } == ["fast/c1", "fast/c3", "slow/c1", "slow/c3"])
        #expect(report.levels.allSatisfy { $0.status == .completed && $0.slo == nil })
        #expect(report.directory.path.hasPrefix(resultsRoot))
        #expect(report.directory.runID.hasSuffix("-e2e"))

        let rows = try Self.csvRows(report.directory)
        #expect(rows.first == RequestsCSV.columns)
        #expect(rows.count == 1 + 20)
        let width = RequestsCSV.columns.count
        #expect(rows.allSatisfy { $0.count == width }, "every row has as many cells as the header")
        let statusColumn = try #require(RequestsCSV.columns.firstIndex(of: "status"))
        let targetColumn = try #require(RequestsCSV.columns.firstIndex(of: "target"))
        let body = rows.dropFirst()
        #expect(body.filter { $0[targetColumn] == "fast" }.allSatisfy { $0[statusColumn] == "ok" })
        #expect(Set(body.map { $0[statusColumn] }).isSubset(of: ["ok", "http_5xx"]))

        let metadata = try Self.runJSON(report.directory)
        #expect(metadata["status"] as? String == "completed")
        #expect(metadata["run_id"] as? String == report.directory.runID)
        #expect(metadata["ended_at"] is String)
        #expect(metadata["load_levels"] as? [String] == ["c1", "c3"])
        let recordedTargets = try #require(metadata["targets"] as? [[String: Any]])
        #expect(recordedTargets.compactMap { $0["name"] as? String } == ["fast", "slow"])
        #expect(recordedTargets.allSatisfy { ($0["base_url"] as? String)?.hasPrefix("http://127.0.0.1:") == true }, "simulated targets record their loopback URL")
        #expect(log.lines.contains { $0.contains("writing") })
    }

    @Test("a remote target at a closed port fails setup, naming the target, and creates no run folder")
    func unreachableTarget() async throws {
        CurlSetup.ensure()
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let closed = try #require(RefusingPort())
        defer { closed.release() }
        let remote = """
          - name: gone-server
            dialect: openai-chat
            base_url: http://127.0.0.1:\(closed.port)/v1
            model: m
            connect_timeout: 2
        """
        let plan = try Self.plan(scenarioYAML(targets: simulatedTarget("local") + "\n" + remote, concurrency: [1], requests: 2), in: folder)
        let resultsRoot = (folder as NSString).appendingPathComponent("results")
        let error = await #expect(throws: BenchmarkRun.SetupError.self) {
            _ = try await BenchmarkRun(plan: plan, resultsRoot: resultsRoot) { _ in }.execute(stop: StopSignal())
        }
        let lines = try #require(error?.lines)
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.contains("gone-server") == true)
        #expect(lines.first?.contains("targets[1].base_url") == true)
        #expect(lines.first?.contains("scenario.yaml:") == true, "the problem is located in the scenario file")
        let made = (try? FileManager.default.contentsOfDirectory(atPath: resultsRoot)) ?? []
        #expect(made.isEmpty, "nothing may be written before the checks pass")
    }

    @Test("a stop request mid-run ends it as interrupted with only complete rows on disk")
    func interruptedRun() async throws {
        CurlSetup.ensure()
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        // Each request takes about 100 ms; 10 000 of them would take minutes.
        let target = simulatedTarget("steady", options: ["decode_base_ms": "5"])
        let plan = try Self.plan(scenarioYAML(targets: target, concurrency: [2, 4], requests: 10_000, maxTokens: 20), in: folder)
        let resultsRoot = (folder as NSString).appendingPathComponent("results")
        let stop = StopSignal()
        let run = BenchmarkRun(plan: plan, resultsRoot: resultsRoot) { _ in }
        let work = Task { try await run.execute(stop: stop) }

        // Stop once a few rows are on disk (a loaded machine may take long to set the run up).
        let waitStart = Date()
        var rowsSeen = 0
        while rowsSeen < 3 && Date().timeIntervalSince(waitStart) < 60 {
            try await Task.sleep(for: .milliseconds(20))
            let runs = (try? FileManager.default.contentsOfDirectory(atPath: resultsRoot)) ?? []
            guard let runFolder = runs.first else { continue }
            let csv = ((resultsRoot as NSString).appendingPathComponent(runFolder) as NSString).appendingPathComponent("requests.csv")
            rowsSeen = ((try? String(contentsOfFile: csv, encoding: .utf8)) ?? "").split(separator: "\n").count - 1
        }
        #expect(rowsSeen >= 3)
        stop.requestStop()
        let stoppedAt = Date()
        let report = try await work.value
        #expect(Date().timeIntervalSince(stoppedAt) < 5, "in-flight requests finish; no new ones start")

        #expect(report.status == .interrupted)
        #expect(report.summaries.count == 1, "the second level never starts")
        #expect(report.levels.map(\.status) == [.interrupted], "the level the stop cut short is marked so")
        let metadata = try Self.runJSON(report.directory)
        #expect(metadata["status"] as? String == "interrupted")
        #expect(metadata["ended_at"] is String)

        let rows = try Self.csvRows(report.directory)
        #expect(rows.first == RequestsCSV.columns)
        let body = rows.dropFirst()
        #expect(body.count == (try #require(report.summaries.first)).requests)
        #expect(body.count >= 3 && body.count < 10_000)
        #expect(body.allSatisfy { $0.count == RequestsCSV.columns.count })
        let statusColumn = try #require(RequestsCSV.columns.firstIndex(of: "status"))
        #expect(body.allSatisfy { $0[statusColumn] == "ok" }, "requests in flight at the stop run to their end")
    }

    @Test("an API key from the environment never reaches any file of the run folder or the log")
    func secretsStayOut() async throws {
        CurlSetup.ensure()
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let key = "sk-test-PLANTED-123456"
        let environment = ["REPAT_TEST_API_KEY": key]
        let extra = """
                api_key_env: REPAT_TEST_API_KEY
                headers:
                  X-Api-Key: ${REPAT_TEST_API_KEY}

            """
        let target = simulatedTarget("guarded", options: ["error_rate": "0.5"], extra: extra)
        let plan = try Self.plan(scenarioYAML(name: "secrets", targets: target, concurrency: [2], requests: 16), in: folder, environment: environment)
        #expect(plan.targets[0].endpoint.apiKey == key, "the key is resolved, so requests carry it")
        #expect(plan.targets[0].endpoint.extraHeaders.contains { $0.value == key })

        let resultsRoot = (folder as NSString).appendingPathComponent("results")
        let log = LogLines()
        let report = try await BenchmarkRun(plan: plan, resultsRoot: resultsRoot) { log.append($0) }.execute(stop: StopSignal())
        #expect(report.status == .completed)

        let statuses = try Self.csvRows(report.directory).dropFirst().map { $0[RequestsCSV.columns.firstIndex(of: "status") ?? 0] }
        #expect(statuses.contains("http_5xx"), "errors happened, so error text was written")
        #expect(statuses.contains("ok"))

        let files = filesUnder(report.directory.path)
        #expect(files.count >= 2)
        for file in files {
            let bytes = try #require(FileManager.default.contents(atPath: file))
            #expect(String(decoding: bytes, as: UTF8.self).contains(key) == false, "\(file) holds the API key")
            #expect(String(decoding: bytes, as: UTF8.self).contains("PLANTED") == false, "\(file) holds part of the API key")
        }
        #expect(log.lines.allSatisfy { !$0.contains(key) })
    }
}
