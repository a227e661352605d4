import Metrics
import Testing
@testable import ROI

@Suite("where a benchmark target sends its prompts, and what the run costs there")
struct DataDestinationTests {
    private func book() throws -> PriceBook { try PriceBook.load(directory: packageRoot + "/pricing") }

    @Test("an API host is its provider priced by model; a simulated stand-in takes the provider it stands for; anything else is yours")
    func destinations() throws {
        let book = try book()
        let real = DataDestination(target: "gpt", baseURL: "https://api.openai.com/v1", model: "GPT-4o", standsFor: nil, book: book)
        #expect(real.providerID == "openai" && real.price?.id == "openai/gpt-4o" && real.facts?.cloudAct == true && !real.simulated)
        let standIn = DataDestination(target: "sim", baseURL: "sim://sim", model: "m", standsFor: "scaleway/gpt-oss-120b", book: book)
        #expect(standIn.providerID == "scaleway" && standIn.price?.id == "scaleway/gpt-oss-120b" && standIn.simulated)
        let own = DataDestination(target: "box", baseURL: "http://10.0.0.5:8000/v1", model: "llama", standsFor: "openai/gpt-4o", book: book)
        #expect(own.providerID == nil && own.isAllowed(in: ["EU"]))
        #expect(RunCostEstimate(PlanTokens(requests: 1, requestsUpTo: false, inputTokens: 1, inputApproximate: false, maxOutputTokens: 1)).line(for: own) == nil)

        #expect(!real.isAllowed(in: ["EU"]) && real.isAllowed(in: ["EU", "US"]) && real.isAllowed(in: []))
        #expect(standIn.isAllowed(in: ["EU"]) && standIn.isAllowed(in: ["FR"]) && !standIn.isAllowed(in: ["DE"]))
        #expect(real.refusal(classification: "confidential", allowed: ["EU"]).hasPrefix(
            "target gpt: its data goes to OpenAI (US, parent OpenAI (US), CLOUD Act: yes; EU processing: conditional), outside the jurisdictions allowed for confidential data (EU"
        ))
    }

    @Test("the cost is input tokens × input price + most output tokens × output price, at list price")
    func cost() throws {
        let book = try book()
        let destination = DataDestination(target: "gpt", baseURL: "https://api.openai.com/v1", model: "gpt-4o", standsFor: nil, book: book)
        let estimate = RunCostEstimate(PlanTokens(requests: 16, requestsUpTo: false, inputTokens: 512, inputApproximate: false, maxOutputTokens: 128))
        // 512 × 2.50 / 1M + 128 × 10.00 / 1M = 0.00128 + 0.00128 USD.
        #expect(abs((estimate.cost(at: try #require(destination.price)) ?? 0) - 0.00256) < 1e-12)
        let line = try #require(estimate.line(for: destination))
        #expect(line.hasPrefix("target gpt: 16 requests, 512 input tokens, up to 128 output tokens; cost up to 0.002560 USD at openai/gpt-4o list prices (2.50 / 10.00 USD per 1M input / output, pricing/apis.yaml read 2026-11-23)"))
        #expect(line.contains("data processed by OpenAI (US, parent OpenAI (US), CLOUD Act: yes; EU processing: conditional): outside the EU by default, in the EU under conditions"))
        let unknown = RunCostEstimate(PlanTokens(requests: nil, requestsUpTo: false, inputTokens: nil, inputApproximate: true, maxOutputTokens: nil))
        #expect(unknown.line(for: destination)?.contains("input tokens not known from the plan (dataset prompts), output tokens unknown; cost not estimated (token counts not known from the plan); openai/gpt-4o list prices") == true)
    }
}
