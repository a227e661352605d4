import Testing
import Workload
import LoadGen
@testable import Orchestration
@testable import Telemetry

@Suite("what a run samples, from the scenario and its targets")
struct TelemetryConfigurationTests {
    @Test("targets served by this machine: the simulator, loopback addresses, this host's name")
    func localTargets() {
        for url in ["sim://a", "http://127.0.0.1:8000/v1", "http://localhost:11434", "http://[::1]:8080/v1", "http://user:pw@127.0.0.2/v1", "http://GPU-01.internal:8000/v1"] {
            #expect(TelemetryConfiguration.isLocal(baseURL: url, hostName: "gpu-01"), "\(url)")
        }
        for url in ["https://api.openai.com/v1", "http://gpu-02:8000/v1", "http://10.0.0.5:8000/v1", "not a url"] {
            #expect(!TelemetryConfiguration.isLocal(baseURL: url, hostName: "gpu-01"), "\(url)")
        }
        #expect(!TelemetryConfiguration.isLocal(baseURL: "http://gpu-01/v1", hostName: ""))
    }

    @Test("scenario scrapes with their interval and filter; Ollama targets probed; only local targets get local power")
    func configuration() throws {
        let scenario = try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse("""
        name: c
        targets:
          - name: vllm
            dialect: openai-chat
            base_url: http://gpu-02:8000/v1
            model: m
          - name: ollama
            dialect: ollama-chat
            base_url: http://127.0.0.1:11434
            model: llama3.1:8b
        load:
          concurrency: 1
          requests: 1
        workload:
          prompt_tokens: 8
          max_tokens: 8
        telemetry:
          interval: 2s
          rapl: off
          idle_seconds: 0
          scrape:
            - url: http://gpu-02:9400/metrics
              metrics: [DCGM_FI_DEV_POWER_USAGE]
              target: vllm
            - url: http://gpu-02:8000/metrics
              interval: 500ms

        """, file: "c.yaml")
        let plan = try RunPlan(scenario: scenario, environment: [:], simulators: BuiltInSimulators())
        let configuration = try #require(BenchmarkRun.telemetryConfiguration(plan, hostName: "client"))
        #expect(configuration.intervalS == 2 && configuration.gpu && !configuration.rapl && configuration.idleSeconds == 0)
        #expect(configuration.scrapes == [
            ScrapeSource(url: "http://gpu-02:9400/metrics", intervalS: 2, filter: MetricFilter(prefixes: ["DCGM_FI_DEV_POWER_USAGE"]), target: "vllm"),
            ScrapeSource(url: "http://gpu-02:8000/metrics", intervalS: 0.5),
        ])
        #expect(configuration.ollama.map(\.target) == ["ollama"])
        #expect(configuration.ollama.first?.url == "http://127.0.0.1:11434/api/ps")
        #expect(configuration.localTargets == ["ollama"])
        let withoutTelemetry = try RunPlan(scenario: try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse("""
        name: c
        targets:
          - name: vllm
            dialect: openai-chat
            base_url: http://gpu-02:8000/v1
            model: m
        load:
          concurrency: 1
          requests: 1
        workload:
          prompt_tokens: 8
          max_tokens: 8
        telemetry: off

        """, file: "c.yaml"), environment: [:], simulators: BuiltInSimulators())
        #expect(BenchmarkRun.telemetryConfiguration(withoutTelemetry) == nil)
    }
}
