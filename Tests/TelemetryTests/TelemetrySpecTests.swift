import Testing
import Workload

@Suite("the scenario's telemetry section")
struct TelemetrySpecTests {
    /// A valid scenario with `telemetry` appended (unindented lines under `telemetry:` when not nil).
    private static func yaml(_ telemetry: String?) -> String {
        var text = """
        name: t
        targets:
          - name: vllm
            dialect: openai-chat
            base_url: http://127.0.0.1:8000/v1
            model: m
          - name: sim
            dialect: openai-chat
            base_url: sim://sim
            model: m
        load:
          concurrency: 1
          requests: 1
        workload:
          prompt_tokens: 8
          max_tokens: 8

        """
        if let telemetry { text += telemetry }
        return text
    }

    private static func problems(_ telemetry: String) -> [String] {
        do {
            _ = try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(yaml(telemetry), file: "s.yaml")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test("every field read, durations in any unit, ${VAR} expanded in URLs, a single metrics prefix as a list")
    func fullSection() throws {
        let scenario = try ScenarioLoader(environment: ["DCGM": "http://gpu-01:9400"], catalog: TargetCatalog()).parse(Self.yaml("""
        telemetry:
          interval: 500ms
          gpu: off
          rapl: auto
          idle_seconds: 2.5
          scrape:
            - url: ${DCGM}/metrics
              interval: 2s
              metrics: DCGM_FI_DEV_
              target: vllm
            - url: http://node:9100/metrics
              metrics: [node_rapl_, node_cpu_seconds_total]

        """), file: "s.yaml")
        let telemetry = try #require(scenario.telemetry)
        #expect(telemetry.interval == 0.5)
        #expect(telemetry.gpu == .off)
        #expect(telemetry.rapl == .auto)
        #expect(telemetry.idleSeconds == 2.5)
        #expect(telemetry.scrapes == [
            TelemetrySpec.Scrape(url: "http://gpu-01:9400/metrics", interval: 2, metrics: ["DCGM_FI_DEV_"], target: "vllm"),
            TelemetrySpec.Scrape(url: "http://node:9100/metrics", metrics: ["node_rapl_", "node_cpu_seconds_total"]),
        ])
    }

    @Test("no section: on without an idle baseline; an empty one: on with the defaults; off: none")
    func defaults() throws {
        #expect(try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(Self.yaml(nil), file: "s.yaml").telemetry == TelemetrySpec(idleSeconds: 0))
        #expect(try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(Self.yaml("telemetry: off\n"), file: "s.yaml").telemetry == nil)
        #expect(try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(Self.yaml("telemetry:\n"), file: "s.yaml").telemetry == TelemetrySpec())
        #expect(try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(Self.yaml("telemetry: {}\n"), file: "s.yaml").telemetry == TelemetrySpec())
        #expect(TelemetrySpec() == TelemetrySpec(interval: 1, gpu: .auto, rapl: .auto, idleSeconds: 5, scrapes: []))
    }

    @Test("problems name the file, line and field: bad modes, ranges, URLs, unknown targets and fields")
    func problems() {
        let problems = Self.problems("""
        telemetry:
          interval: 10ms
          gpu: maybe
          idle_second: 3
          idle_seconds: -1
          scrape:
            - url: ftp://host/metrics
              target: nope
            - interval: 1s
            - url: http://ok/metrics
              metrics: [[nested]]

        """)
        #expect(problems == [
            "s.yaml:18: telemetry.interval: must be between 50ms and 1h, got 0.01 s",
            "s.yaml:19: telemetry.gpu: expected auto or off, got 'maybe'",
            "s.yaml:20: telemetry.idle_second: unknown field (did you mean 'idle_seconds'?); allowed: interval, gpu, rapl, idle_seconds, scrape",
            "s.yaml:21: telemetry.idle_seconds: must be between 0.0 and 3600.0, got -1.0",
            "s.yaml:23: telemetry.scrape[0].url: expected an http:// or https:// URL, got 'ftp://host/metrics'",
            "s.yaml:24: telemetry.scrape[0].target: no target named 'nope' (targets: vllm, sim)",
            "s.yaml:25: telemetry.scrape[1].url: required field is missing",
            "s.yaml:27: telemetry.scrape[2].metrics: expected metric-name prefixes such as vllm: or DCGM_FI_DEV_POWER_USAGE",
        ])
        #expect(Self.problems("telemetry:\n  scrape: http://x/metrics\n") == [
            "s.yaml:18: telemetry.scrape: expected a list of endpoints, each with url (and interval, metrics, target)",
        ])
        #expect(Self.problems("telemetry: 5\n").first?.hasPrefix("s.yaml:17: telemetry: expected a mapping of fields") == true)
    }
}
