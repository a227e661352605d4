import CurlTransport
import Dialects
import Testing
import Workload

@Suite("Anthropic request building")
struct AnthropicRequestTests {
    private let prompt = PromptItem(
        index: 0,
        messages: [
            ChatMessage(role: "system", content: "Be brief."),
            ChatMessage(role: "user", content: "Say \"hi\"\n"),
            ChatMessage(role: "assistant", content: "hi"),
            ChatMessage(role: "system", content: "Use French."),
            ChatMessage(role: "user", content: "Again é"),
        ],
        maxTokens: 64
    )
    private let endpoint = Endpoint(baseURL: "https://api.anthropic.com/v1", model: "claude-sonnet-4-5", apiKey: "sk-ant-test")

    private func body(_ request: HTTPRequest) -> String {
        String(decoding: request.body ?? [], as: UTF8.self)
    }

    @Test("the body is exact, in fixed key order, system messages lifted to the top, and byte-identical on repeat")
    func body() throws {
        let parameters = GenerationParameters(temperature: 0.7, topP: 0.9, seed: 42, ignoreEOS: true, minTokens: 64, contextWindow: 4096, keepAlive: "5m")
        let request = try AnthropicDialect.messages.makeRequest(for: prompt, endpoint: endpoint, parameters: parameters)
        let expected = #"{"model":"claude-sonnet-4-5","max_tokens":64,"system":"Be brief.\n\nUse French.","messages":[{"role":"user","content":"Say \"hi\"\n"},{"role":"assistant","content":"hi"},{"role":"user","content":"Again é"}],"stream":true,"temperature":0.7,"top_p":0.9}"#
        #expect(body(request) == expected)
        #expect(request.method == "POST")
        #expect(request.url == "https://api.anthropic.com/v1/messages")
        let again = try AnthropicDialect.messages.makeRequest(for: prompt, endpoint: endpoint, parameters: parameters)
        #expect(again.body == request.body)
    }

    @Test("without system messages there is no system key; unset sampling is left out")
    func minimalBody() throws {
        let plain = PromptItem(index: 1, messages: [ChatMessage(role: "user", content: "Hello")], maxTokens: 8)
        let request = try AnthropicDialect.messages.makeRequest(for: plain, endpoint: endpoint, parameters: GenerationParameters(stream: false))
        #expect(body(request) == #"{"model":"claude-sonnet-4-5","max_tokens":8,"messages":[{"role":"user","content":"Hello"}],"stream":false}"#)
    }

    @Test("headers carry x-api-key and the default anthropic-version, then the extra headers")
    func headers() throws {
        var keyed = endpoint
        keyed.extraHeaders = [HTTPHeader("anthropic-beta", "output-128k-2025-02-19")]
        let request = try AnthropicDialect.messages.makeRequest(for: prompt, endpoint: keyed, parameters: GenerationParameters())
        #expect(request.headers == [
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("Accept", "text/event-stream"),
            HTTPHeader("x-api-key", "sk-ant-test"),
            HTTPHeader("anthropic-version", "2023-06-01"),
            HTTPHeader("anthropic-beta", "output-128k-2025-02-19"),
        ])
    }

    @Test("the endpoint's API version and key style are honoured")
    func versionAndKeyStyle() throws {
        var styled = endpoint
        styled.apiVersion = "2024-01-01"
        styled.keyStyle = .bearer
        let request = try AnthropicDialect.messages.makeRequest(for: prompt, endpoint: styled, parameters: GenerationParameters(stream: false))
        #expect(Array(request.headers.dropFirst(1)) == [
            HTTPHeader("Accept", "application/json"),
            HTTPHeader("Authorization", "Bearer sk-ant-test"),
            HTTPHeader("anthropic-version", "2024-01-01"),
        ])
    }

    @Test("without a key no key header is sent at all, only the version")
    func missingKey() throws {
        var keyless = endpoint
        keyless.apiKey = nil
        let request = try AnthropicDialect.messages.makeRequest(for: prompt, endpoint: keyless, parameters: GenerationParameters())
        #expect(request.headers == [
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("Accept", "text/event-stream"),
            HTTPHeader("anthropic-version", "2023-06-01"),
        ])
    }

    @Test("non-finite sampling parameters are rejected")
    func invalidParameters() {
        #expect(throws: DialectError.invalidParameter("temperature", value: "nan")) {
            try AnthropicDialect.messages.makeRequest(for: prompt, endpoint: endpoint, parameters: GenerationParameters(temperature: .nan))
        }
        #expect(throws: DialectError.invalidParameter("top_p", value: "-inf")) {
            try AnthropicDialect.messages.makeRequest(for: prompt, endpoint: endpoint, parameters: GenerationParameters(topP: -.infinity))
        }
    }

    @Test("the model list is GET /models with the largest page, authorized, and its ids are read")
    func modelList() throws {
        let request = try #require(try AnthropicDialect.messages.modelListRequest(endpoint: endpoint))
        #expect(request.method == "GET")
        #expect(request.url == "https://api.anthropic.com/v1/models?limit=1000")
        #expect(request.headers == [
            HTTPHeader("Accept", "application/json"),
            HTTPHeader("x-api-key", "sk-ant-test"),
            HTTPHeader("anthropic-version", "2023-06-01"),
        ])
        let list = #"{"data":[{"type":"model","id":"claude-sonnet-4-5-20250929","display_name":"Claude Sonnet 4.5","created_at":"2025-09-29T00:00:00Z"},{"type":"model","id":"claude-haiku-4-5","display_name":"Claude Haiku 4.5","created_at":"2025-10-01T00:00:00Z"}],"has_more":false,"first_id":"claude-sonnet-4-5-20250929","last_id":"claude-haiku-4-5"}"#
        #expect(AnthropicDialect.messages.modelIDs(fromListBody: Array(list.utf8)) == ["claude-sonnet-4-5-20250929", "claude-haiku-4-5"])
    }

    @Test("an Anthropic error body gives its message on one line")
    func errorBody() {
        let body = #"{"type":"error","error":{"type":"not_found_error","message":"model:\nclaude-nope"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}"#
        #expect(AnthropicDialect.messages.errorMessage(fromBody: Array(body.utf8)) == "model: claude-nope")
    }

    @Test("id, base path, key style and registry entry")
    func identity() {
        #expect(AnthropicDialect.messages.id == "anthropic-messages")
        #expect(AnthropicDialect.messages.defaultBasePath == "/v1")
        #expect(AnthropicDialect.messages.defaultKeyStyle == .header("x-api-key"))
        #expect(DialectRegistry.named("anthropic-messages")?.id == "anthropic-messages")
    }
}
