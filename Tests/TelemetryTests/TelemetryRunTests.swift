import Foundation
import LoadGen
import Orchestration
import LoopbackSupport
import Metrics
import Results
import Synchronization
import Telemetry
import Testing
import Workload

/// Whole runs with telemetry on, against the built-in simulator over loopback, with a fake
/// `nvidia-smi` on the samplers' path.
@Suite("runs with telemetry")
struct TelemetryRunTests {
    /// A simulated target decoding slowly enough (20 ms a token) that scrapes catch requests
    /// running, with a `telemetry:` section.
    private static let scenario = """
    name: telemetry-loopback
    seed: 3
    targets:
      - name: sim
        dialect: openai-chat
        base_url: sim://sim
        model: sim-model
        simulator:
          prefill_overhead_ms: 1
          decode_base_ms: 20
          decode_per_seq_ms: 0
    load:
      concurrency: [4]
      requests: 16
    workload:
      prompt_tokens: 16
      max_tokens: 20
      ignore_eos: true
    telemetry:
      interval: 50ms
      idle_seconds: 0.3
      rapl: off

    """

    /// Lines logged by a run.
    private final class Log: Sendable {
        private let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    @Test("the simulator's /metrics is scraped during load, fake nvidia-smi power fills the summary's energy columns")
    func loopbackRun() async throws {
        CurlSetup.ensure()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.writeScript(FakeHost.nvidiaSMI(lines: ["0, NVIDIA H100 80GB HBM3, 250, 87, 40000, 1980, 65"]), to: "bin/nvidia-smi")
        let scenario = try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(Self.scenario, file: "telemetry.yaml")
        let plan = try RunPlan(scenario: scenario, environment: [:], simulators: BuiltInSimulators())
        let log = Log()
        var run = BenchmarkRun(plan: plan, resultsRoot: folder.file("results")) { log.append($0) }
        run.telemetryHost = TelemetryHost(searchPath: folder.file("bin"))
        let report = try await run.execute(stop: StopSignal())
        #expect(report.status == .completed)

        let rows = try telemetryRows((report.directory.path as NSString).appendingPathComponent("telemetry.csv"))
        let running = rows.filter { $0.metric == "vllm:num_requests_running" }
        #expect(running.contains { $0.value > 0 && $0.target == "sim" && $0.level == "c4" }, "requests seen running during the level")
        #expect(running.contains { $0.level == "idle" && $0.value == 0 }, "and none during the idle baseline")
        #expect(rows.contains { $0.metric == "gpu_power_w" && $0.source == "nvidia-smi" && $0.value == 250 })
        #expect(rows.contains { $0.metric == "ollama_models_loaded" && $0.labels == #"phase="before""# && $0.target == "sim" })
        #expect(rows.contains { $0.metric == "ollama_models_loaded" && $0.labels == #"phase="after""# })
        #expect(rows.contains { $0.metric == "cpu_util_pct" && $0.source == "proc" })

        let summary = try #require(report.summaries.first)
        let figures = try #require(summary.telemetry)
        #expect(near(figures.powerMeanW, 250))
        #expect(near(figures.idlePowerW, 250))
        #expect(figures.powerSource == "nvidia-smi")
        #expect(near(figures.gpuUtilMeanPct, 87))
        #expect(figures.energyJ.map { abs($0 - 250 * summary.durationS) < 1e-6 } == true)
        #expect((figures.queuePeak ?? -1) >= 0)
        #expect((figures.kvCachePeakPct ?? 0) > 0)

        let text = try String(contentsOfFile: report.directory.summaryCSV, encoding: .utf8)
        let table = try CSVTable.parse(text)
        let row = Dictionary(uniqueKeysWithValues: zip(table.header, try #require(table.rows.first)))
        #expect(row["power_mean_w"] == "250.000")
        #expect(row["idle_power_w"] == "250.000")
        #expect(row["power_source"] == "nvidia-smi")
        #expect(row["gpu_util_mean_pct"] == "87.000")
        let energy = try #require(Double(row["energy_j"] ?? ""))
        let perToken = try #require(Double(row["j_per_output_token"] ?? ""))
        let perThousand = try #require(Double(row["wh_per_1k_tokens"] ?? ""))
        #expect(abs(perToken - energy / Double(summary.outputTokens)) < 1e-5)
        #expect(abs(perThousand - perToken * 1000 / 3600) < 1e-5)
        #expect(summary.outputTokens == 16 * 20)
        #expect(!(row["kv_cache_peak_pct"] ?? "").isEmpty && !(row["queue_peak"] ?? "").isEmpty)

        let metadata = try RunMetadata.read(from: report.directory.runJSON)
        let section = try #require(metadata.telemetry)
        #expect(near(section.idlePowerW["nvidia-smi"], 250))
        #expect(section.rows == rows.count)
        let scrape = try #require(section.sources.first { $0.name.hasSuffix("/metrics") })
        #expect(scrape.status == "ok" && scrape.target == "sim" && scrape.samples > 5)
        #expect(scrape.wallMsPerSample != nil && scrape.cpuMsPerSample != nil)
        #expect(section.sources.first { $0.name == "nvidia-smi" }?.status == "ok")
        #expect(!section.sources.contains { $0.name == "rapl" }, "rapl: off samples nothing and reports nothing")
        #expect(log.all.contains { $0.hasPrefix("telemetry every 0.05 s: nvidia-smi") })

        let data = ReportData(runs: [try RunResults.load(report.directory.path)])
        let drawn = try #require(data.telemetry.first)
        #expect(drawn.power.map(\.name) == ["nvidia-smi"])
        #expect(drawn.queue.map(\.name) == ["running · sim", "waiting · sim"], "legends name the target a scrape belongs to")
        #expect(drawn.levels.map(\.label) == ["idle", "sim c4"])
        #expect(drawn.levels.last.map { $0.end > $0.start } == true)
        let html = ReportHTML.render(data)
        #expect(html.contains("Power — \(report.directory.runID)") && html.contains("Engine queue — \(report.directory.runID)"))
        #expect(html.contains("class=\"band-label\""))
        #expect(log.all.contains { $0.hasPrefix("sim c4: power 250.0 W mean, 250.0 W peak, idle 250.0 W (nvidia-smi)") && $0.contains("J/output token") })
    }

    @Test("with telemetry: off nothing is sampled: no telemetry.csv, empty columns, no run.json section")
    func telemetryOff() async throws {
        CurlSetup.ensure()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let yaml = (Self.scenario.components(separatedBy: "telemetry:").first ?? "") + "telemetry: off\n"
        let plan = try RunPlan(scenario: try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(yaml.replacingOccurrences(of: "requests: 16", with: "requests: 4"), file: "off.yaml"), environment: [:], simulators: BuiltInSimulators())
        let report = try await BenchmarkRun(plan: plan, resultsRoot: folder.file("results")) { _ in }.execute(stop: StopSignal())
        #expect(!FileManager.default.fileExists(atPath: (report.directory.path as NSString).appendingPathComponent("telemetry.csv")))
        #expect(report.summaries.first?.telemetry == nil)
        #expect(try RunMetadata.read(from: report.directory.runJSON).telemetry == nil)
        let table = try CSVTable.parse(try String(contentsOfFile: report.directory.summaryCSV, encoding: .utf8))
        let row = Dictionary(uniqueKeysWithValues: zip(table.header, try #require(table.rows.first)))
        #expect(SummaryCSV.telemetryColumns.allSatisfy { row[$0] == "" })
        let html = ReportHTML.render(ReportData(runs: [try RunResults.load(report.directory.path)]))
        #expect(html.contains("<section id=\"telemetry\">") && html.contains("No telemetry in these runs"))
    }
}
