import CurlTransport
import Dialects
import Testing
import Workload

/// Each dialect's request carries the target's reasoning fields under its API's own names, and
/// only those its API has.
@Suite("Reasoning parameters in requests")
struct ReasoningRequestTests {
    private let prompt = PromptItem(index: 0, messages: [ChatMessage(role: "user", content: "Hi")], maxTokens: 4096)
    private let reasoning = ReasoningRequest(effort: .low, thinkingBudget: 2048, think: false)

    private func body(_ dialect: any Dialect, _ reasoning: ReasoningRequest) throws -> String {
        let endpoint = Endpoint(baseURL: "https://h.example/v1", model: "m", apiKey: "k")
        let request = try dialect.makeRequest(for: prompt, endpoint: endpoint, parameters: GenerationParameters(reasoning: reasoning))
        return String(decoding: request.body ?? [], as: UTF8.self)
    }

    @Test(
        "each dialect sends its own field, last in the body (Gemini inside generationConfig)",
        arguments: [
            ("openai-chat", #","reasoning_effort":"low"}"#),
            ("azure-openai-chat", #","reasoning_effort":"low"}"#),
            ("ollama-chat", #","think":false}"#),
            ("ollama-generate", #","think":false}"#),
            ("anthropic-messages", #","thinking":{"type":"enabled","budget_tokens":2048}}"#),
            ("gemini", #","thinkingConfig":{"thinkingBudget":2048}}}"#),
            ("bedrock-converse", #","additionalModelRequestFields":{"thinking":{"type":"enabled","budget_tokens":2048}}}"#),
        ]
    )
    func sent(dialect id: String, suffix: String) throws {
        let dialect = try #require(DialectRegistry.named(id))
        let body = try body(dialect, reasoning)
        #expect(body.hasSuffix(suffix), "\(id): \(body)")
        for other in ["reasoning_effort", "\"think\"", "budget_tokens", "thinkingBudget"] where !suffix.contains(other) {
            #expect(!body.contains(other), "\(id) sends no \(other)")
        }
    }

    @Test("nothing asked, nothing sent; the traits list what each dialect sends", arguments: DialectRegistry.all.map(\.id))
    func nothing(dialect id: String) throws {
        let dialect = try #require(DialectRegistry.named(id))
        let plain = try body(dialect, ReasoningRequest())
        for field in ["reasoning_effort", "\"think\"", "thinking", "thinkingConfig"] {
            #expect(!plain.contains(field), "\(id): \(plain)")
        }
        let asked = try body(dialect, reasoning)
        #expect(dialect.traits.reasoningFields.isEmpty == (asked == plain), "\(id): traits and body agree")
    }
}
