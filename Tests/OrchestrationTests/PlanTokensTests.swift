import LoopbackSupport
import Metrics
import Orchestration
import Testing

@Suite("tokens a plan sends each target")
struct PlanTokensTests {
    @Test("closed loop with a request limit: levels × requests × prompt tokens, and requests × max_tokens at most")
    func closedLoop() throws {
        let plan = try makePlan(scenarioYAML(targets: simulatedTarget("a"), concurrency: [1, 4], requests: 8, promptTokens: 32, maxTokens: 8))
        #expect(PlanTokens(plan) == PlanTokens(requests: 16, requestsUpTo: false, inputTokens: 512, inputApproximate: false, maxOutputTokens: 128))
    }

    @Test("open loop bounded by duration counts rate × duration as an upper bound; drawn lengths are approximate and bounded by their maximum")
    func openLoop() throws {
        let yaml = scenarioYAML(
            targets: simulatedTarget("a"), load: ["rate: [2, 4]", "duration: 5s", "requests: 15"],
            workload: ["prompt_tokens: { distribution: uniform, min: 10, max: 30 }", "max_tokens: { distribution: uniform, min: 4, max: 12 }"]
        )
        // min(15, 2 × 5) + min(15, 4 × 5) = 10 + 15 requests; mean prompt 20 tokens; largest budget 12.
        #expect(PlanTokens(try makePlan(yaml)) == PlanTokens(requests: 25, requestsUpTo: true, inputTokens: 500, inputApproximate: true, maxOutputTokens: 300))
    }

    @Test("a closed loop bounded by duration alone sends an unknown number of requests")
    func unknown() throws {
        let yaml = scenarioYAML(targets: simulatedTarget("a"), load: ["concurrency: 2", "duration: 5s"])
        let tokens = PlanTokens(try makePlan(yaml))
        #expect(tokens.requests == nil && tokens.inputTokens == nil && tokens.maxOutputTokens == nil)
    }
}
