import CurlTransport
import Dialects
import Testing
import Workload

@Suite("OpenAI request building")
struct OpenAIRequestTests {
    private let prompt = PromptItem(
        index: 0,
        messages: [
            ChatMessage(role: "system", content: "Be brief."),
            ChatMessage(role: "user", content: "Say \"hi\"\n\tand\\or é 😀 \u{01}"),
        ],
        maxTokens: 64
    )
    private let endpoint = Endpoint(baseURL: "http://127.0.0.1:8000/v1", model: "meta-llama/Llama-3.1-8B")

    private func body(_ request: HTTPRequest) -> String {
        String(decoding: request.body ?? [], as: UTF8.self)
    }

    @Test("the chat body is exact, in fixed key order, and byte-identical on repeat")
    func chatBody() throws {
        let parameters = GenerationParameters(temperature: 0.7, topP: 1, seed: 42, ignoreEOS: true, minTokens: 64)
        let request = try OpenAIDialect.chat.makeRequest(for: prompt, endpoint: endpoint, parameters: parameters)
        let expected = #"{"model":"meta-llama/Llama-3.1-8B","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Say \"hi\"\n\tand\\or é 😀 \u0001"}],"max_tokens":64,"stream":true,"stream_options":{"include_usage":true},"temperature":0.7,"top_p":1.0,"seed":42,"ignore_eos":true,"min_tokens":64}"#
        #expect(body(request) == expected)
        #expect(request.method == "POST")
        #expect(request.url == "http://127.0.0.1:8000/v1/chat/completions")
        let again = try OpenAIDialect.chat.makeRequest(for: prompt, endpoint: endpoint, parameters: parameters)
        #expect(again.body == request.body)
    }

    @Test("unset optional parameters are left out, and stream_options only when streaming with usage")
    func defaults() throws {
        let streaming = try OpenAIDialect.chat.makeRequest(for: prompt, endpoint: endpoint, parameters: GenerationParameters(includeUsage: false))
        #expect(body(streaming).hasSuffix(#""max_tokens":64,"stream":true}"#))
        let whole = try OpenAIDialect.chat.makeRequest(for: prompt, endpoint: endpoint, parameters: GenerationParameters(stream: false))
        #expect(body(whole).hasSuffix(#""max_tokens":64,"stream":false}"#))
    }

    @Test("the completions body sends the prompt text")
    func completionsBody() throws {
        let request = try OpenAIDialect.completions.makeRequest(for: prompt, endpoint: endpoint, parameters: GenerationParameters(stream: false))
        #expect(request.url == "http://127.0.0.1:8000/v1/completions")
        #expect(body(request) == #"{"model":"meta-llama/Llama-3.1-8B","prompt":"Be brief.\n\nSay \"hi\"\n\tand\\or é 😀 \u0001","max_tokens":64,"stream":false}"#)
    }

    @Test("headers carry the bearer token only when a key is given, then the extra headers")
    func headers() throws {
        let plain = try OpenAIDialect.chat.makeRequest(for: prompt, endpoint: endpoint, parameters: GenerationParameters())
        #expect(plain.headers == [HTTPHeader("Content-Type", "application/json"), HTTPHeader("Accept", "text/event-stream")])
        var keyed = endpoint
        keyed.apiKey = "sk-test"
        keyed.extraHeaders = [HTTPHeader("X-Trace", "1")]
        let request = try OpenAIDialect.chat.makeRequest(for: prompt, endpoint: keyed, parameters: GenerationParameters(stream: false))
        #expect(request.headers == [
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("Accept", "application/json"),
            HTTPHeader("Authorization", "Bearer sk-test"),
            HTTPHeader("X-Trace", "1"),
        ])
    }

    @Test("the base URL is joined the same with or without a trailing slash", arguments: [
        "http://127.0.0.1:8000/v1", "http://127.0.0.1:8000/v1/", "http://127.0.0.1:8000/v1//",
    ])
    func urlJoining(baseURL: String) throws {
        let request = try OpenAIDialect.chat.makeRequest(
            for: prompt, endpoint: Endpoint(baseURL: baseURL, model: "m"), parameters: GenerationParameters()
        )
        #expect(request.url == "http://127.0.0.1:8000/v1/chat/completions")
    }

    @Test("a base URL that is not http(s) with a host is rejected", arguments: [
        "127.0.0.1:8000/v1", "ftp://host/v1", "http://", "https:///v1", "http://host name/v1", "",
    ])
    func invalidBaseURL(baseURL: String) {
        #expect(throws: DialectError.invalidBaseURL(baseURL)) {
            try OpenAIDialect.chat.makeRequest(for: prompt, endpoint: Endpoint(baseURL: baseURL, model: "m"), parameters: GenerationParameters())
        }
    }

    @Test("a non-finite temperature is rejected")
    func nonFiniteTemperature() {
        #expect(throws: DialectError.self) {
            try OpenAIDialect.chat.makeRequest(for: prompt, endpoint: endpoint, parameters: GenerationParameters(temperature: .nan))
        }
    }

    @Test("the registry finds every dialect by id")
    func registry() {
        #expect(DialectRegistry.ids == [
            "openai-chat", "openai-completions", "openai-responses", "ollama-chat", "ollama-generate", "anthropic-messages", "gemini",
            "azure-openai-chat", "azure-openai-completions", "bedrock-converse",
        ])
        #expect(DialectRegistry.named("openai-completions")?.id == "openai-completions")
        #expect(DialectRegistry.named("nope") == nil)
    }
}
