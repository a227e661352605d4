import Foundation
import Testing
import Workload

/// A scenario using every field, with a bounded count and a duration in seconds.
private let fullScenario = """
    name: full-test.1
    description: every field
    seed: 7
    targets:
      - name: remote
        dialect: openai-chat
        base_url: http://${HOST}:8000/v1
        model: m1
        api_key_env: REMOTE_KEY
        headers:
          X-Tenant: ${TENANT}
          X-Plain: fixed
        stream: false
        http_version: "1.1"
        connect_timeout: 500ms
        request_timeout: 2m
      - name: sim
        dialect: openai-completions
        base_url: sim://fast
        model: m2
        simulator:
          max_num_seqs: 4
          decode_base_ms: 8
    load:
      concurrency: [1, 8, 32]
      requests: 200
      duration: 30s
    workload:
      prompt_tokens: 512
      max_tokens: 128
      ignore_eos: true
      temperature: 0.5
      system_prompt: You are terse.
    """

/// The smallest valid scenario; `load` and `workload` are spliced in.
private func minimal(load: String = "  concurrency: 4\n  requests: 10", workload: String = "  prompt_tokens: 16\n  max_tokens: 8") -> String {
    """
    name: small
    targets:
      - name: only
        dialect: openai-chat
        base_url: sim://one
        model: m
    load:
    \(load)
    workload:
    \(workload)
    """
}

private let environment = ["HOST": "10.0.0.5", "TENANT": "acme", "REMOTE_KEY": "secret"]

@Suite("Scenario loading")
struct ScenarioLoaderTests {
    @Test("a scenario using every field parses into the values written")
    func fullScenarioParses() throws {
        let scenario = try ScenarioLoader(environment: environment, catalog: TargetCatalog()).parse(fullScenario, file: "full.yaml")
        #expect(scenario.name == "full-test.1")
        #expect(scenario.seed == 7)
        #expect(scenario.load == LoadSpec(pattern: .closed(concurrency: [1, 8, 32], rampSeconds: nil), requests: 200, duration: 30))
        #expect(scenario.workload == WorkloadSpec(promptTokens: 512, maxTokens: 128, ignoreEOS: true, temperature: 0.5, systemPrompt: "You are terse."))
        try #require(scenario.targets.count == 2)

        let remote = scenario.targets[0]
        #expect(remote.name == "remote")
        #expect(remote.dialect == "openai-chat")
        #expect(remote.baseURL == "http://10.0.0.5:8000/v1")
        #expect(remote.model == "m1")
        #expect(remote.apiKeyEnv == "REMOTE_KEY")
        #expect(remote.headers.map(\.name) == ["X-Tenant", "X-Plain"])
        #expect(remote.headers.map(\.value) == ["${TENANT}", "fixed"], "header values stay unexpanded: they are secrets resolved at run time")
        #expect(remote.stream == false)
        #expect(remote.httpVersion == "1.1")
        #expect(remote.connectTimeout == 0.5)
        #expect(remote.requestTimeout == 120)
        #expect(!remote.isSimulated)

        let sim = scenario.targets[1]
        #expect(sim.isSimulated)
        #expect(sim.dialect == "openai-completions")
        #expect(sim.simulatorOptions.map(\.name) == ["max_num_seqs", "decode_base_ms"])
        #expect(sim.simulatorOptions.map(\.value) == ["4", "8"])
    }

    @Test("optional fields take their documented defaults")
    func defaults() throws {
        let scenario = try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(minimal(), file: "small.yaml")
        #expect(scenario.seed == 0)
        #expect(scenario.load == LoadSpec(pattern: .closed(concurrency: [4], rampSeconds: nil), requests: 10, duration: nil))
        #expect(scenario.workload == WorkloadSpec(promptTokens: 16, maxTokens: 8, ignoreEOS: false, temperature: nil, systemPrompt: nil))
        let target = try #require(scenario.targets.first)
        #expect(target == TargetSpec(name: "only", dialect: "openai-chat", baseURL: "sim://one", model: "m"))
        #expect(target.stream)
        #expect(target.httpVersion == "auto")
        #expect(target.connectTimeout == 10)
        #expect(target.requestTimeout == 600)
        #expect(target.apiKeyEnv == nil)
        #expect(target.headers.isEmpty)
    }

    @Test("a single concurrency number is a one-level list", arguments: [("4", [4]), ("[2]", [2]), ("[1, 8, 64]", [1, 8, 64])])
    func concurrencyForms(text: String, expected: [Int]) throws {
        let scenario = try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(minimal(load: "  concurrency: \(text)\n  requests: 1"), file: "c.yaml")
        #expect(scenario.load.pattern == .closed(concurrency: expected, rampSeconds: nil))
    }

    @Test(
        "durations accept seconds and ms, s, m and h suffixes",
        arguments: [("45", 45.0), ("1.5", 1.5), ("30s", 30), ("500ms", 0.5), ("2m", 120), ("1h", 3600), ("\"10 s\"", 10)]
    )
    func durationForms(text: String, seconds: Double) throws {
        let scenario = try ScenarioLoader(environment: [:], catalog: TargetCatalog()).parse(minimal(load: "  concurrency: 1\n  duration: \(text)"), file: "d.yaml")
        #expect(scenario.load.duration == seconds)
        #expect(scenario.load.requests == nil)
    }

    @Test("locations give the line of each field and fall back to the nearest parent")
    func locations() throws {
        let scenario = try ScenarioLoader(environment: environment, catalog: TargetCatalog()).parse(fullScenario, file: "full.yaml")
        #expect(scenario.locations.line(of: "targets[0].dialect") == 6)
        #expect(scenario.locations.line(of: "targets[1].simulator.decode_base_ms") == 23)
        #expect(scenario.locations.line(of: "targets[1].simulator.no_such_option") == 21)
        let problem = scenario.problem(at: "targets[1].dialect", "unknown dialect")
        #expect(problem.description == "full.yaml:18: targets[1].dialect: unknown dialect")
    }

    @Test("load(path:) reads a file and names it in the scenario")
    func loadsFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("repat-workload-\(UUID().uuidString).yaml").path
        try minimal().write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let scenario = try ScenarioLoader(environment: [:], catalog: TargetCatalog()).load(path: path)
        #expect(scenario.name == "small")
        #expect(scenario.locations.file == path)
    }
}
