import LoadGen
import Orchestration
import LoopbackSupport
import Testing

@Suite("Target checks")
struct TargetCheckTests {
    @Test("a simulated target passes every check and reports its engine")
    func readyTarget() async throws {
        CurlSetup.ensure()
        let plan = try makePlan(scenarioYAML(targets: simulatedTarget("local"), load: ["concurrency: 1", "requests: 1"]))
        let results = try await TargetCheck.run(plan)
        let result = try #require(results.first)
        #expect(result.passed)
        #expect(result.steps.map(\.name) == ["reachable", "authenticated", "model", "request"])
        #expect(result.steps.allSatisfy { $0.verdict == .ok }, "\(result.steps.map(\.detail))")
        #expect(result.steps.last?.detail.contains("tokens (usage)") == true)
        #expect(result.engineVersion?.hasPrefix("repat simulator") == true)
    }

    @Test("an unreachable target fails at the first check, naming the cause, and the others still run")
    func unreachableTarget() async throws {
        CurlSetup.ensure()
        let closed = try #require(RefusingPort())
        defer { closed.release() }
        let remote = """
          - name: gone
            dialect: openai-chat
            base_url: http://127.0.0.1:\(closed.port)/v1
            model: m
        """
        let plan = try makePlan(scenarioYAML(targets: remote + "\n" + simulatedTarget("local"), load: ["concurrency: 1", "requests: 1"]))
        let results = try await TargetCheck.run(plan)
        #expect(results.map(\.target) == ["gone", "local"])
        #expect(!results[0].passed)
        #expect(results[0].steps.map(\.name) == ["reachable"])
        #expect(results[0].steps[0].detail.contains("connect"))
        #expect(results[1].passed)
    }

    @Test("a model name the simulator does not list but answers is a warning naming what is served; the target is ready")
    func unlistedModelAnswered() async throws {
        CurlSetup.ensure()
        let target = simulatedTarget("llama", options: ["model_name": "SmolLM2-135M-Instruct.Q4_1.gguf"])
        let plan = try makePlan(scenarioYAML(targets: target, load: ["concurrency: 1", "requests: 1"]))
        let result = try #require(try await TargetCheck.run(plan).first)
        #expect(result.steps.map(\.name) == ["reachable", "authenticated", "model", "request"])
        #expect(result.steps.map(\.verdict) == [.ok, .ok, .warning, .ok], "\(result.steps.map(\.detail))")
        #expect(result.steps[2].detail.hasPrefix("'sim-model' is not listed (served: SmolLM2-135M-Instruct.Q4_1.gguf)"))
        #expect(result.passed)
        #expect(result.warnings == 1)
    }

    @Test("a model name not listed and then refused by the request leaves the target not ready, the warning kept")
    func unlistedModelRefused() async throws {
        CurlSetup.ensure()
        let target = simulatedTarget("down", options: ["model_name": "served", "error_rate": "1"])
        let plan = try makePlan(scenarioYAML(targets: target, load: ["concurrency: 1", "requests: 1"]))
        let result = try #require(try await TargetCheck.run(plan).first)
        #expect(result.steps.map(\.verdict) == [.ok, .ok, .warning, .failed], "\(result.steps.map(\.detail))")
        #expect(!result.passed)
    }

    @Test("a model missing from the listing is a warning with what is served; Ollama's :latest tag matches")
    func modelListing() {
        let missing = TargetCheck.modelStep("llama3", listed: ["mistral:7b", "qwen2.5:0.5b"])
        #expect(missing.verdict == .warning)
        #expect(missing.detail.hasPrefix("'llama3' is not listed (served: mistral:7b, qwen2.5:0.5b)"))
        #expect(TargetCheck.modelStep("llama3", listed: ["llama3:latest"]).verdict == .ok)
        #expect(TargetCheck.modelStep("m", listed: []).detail.contains("served: none"))
    }
}
