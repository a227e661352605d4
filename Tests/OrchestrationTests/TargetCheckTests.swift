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

    @Test("a model missing from the listing fails with what is served; Ollama's :latest tag matches")
    func modelListing() {
        let missing = TargetCheck.modelStep("llama3", listed: ["mistral:7b", "qwen2.5:0.5b"])
        #expect(missing.verdict == .failed)
        #expect(missing.detail == "'llama3' is not listed (served: mistral:7b, qwen2.5:0.5b)")
        #expect(TargetCheck.modelStep("llama3", listed: ["llama3:latest"]).verdict == .ok)
        #expect(TargetCheck.modelStep("m", listed: []).detail.contains("served: none"))
    }
}
