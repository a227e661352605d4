import CurlTransport
import Dialects
import Testing
import Workload

@Suite("Gemini request building")
struct GeminiRequestTests {
    private let prompt = PromptItem(
        index: 0,
        messages: [
            ChatMessage(role: "system", content: "Be brief."),
            ChatMessage(role: "user", content: "Say \"hi\"\n"),
            ChatMessage(role: "assistant", content: "hi"),
            ChatMessage(role: "user", content: "Again é"),
        ],
        maxTokens: 64
    )
    private let endpoint = Endpoint(
        baseURL: "https://generativelanguage.googleapis.com/v1beta", model: "gemini-2.5-flash", apiKey: "AIza-test"
    )

    private func body(_ request: HTTPRequest) -> String {
        String(decoding: request.body ?? [], as: UTF8.self)
    }

    @Test("the body is exact, in fixed key order, assistant as model, and byte-identical on repeat")
    func body() throws {
        let parameters = GenerationParameters(temperature: 0.7, topP: 0.9, seed: 42, ignoreEOS: true, minTokens: 64, contextWindow: 4096)
        let request = try GeminiDialect.gemini.makeRequest(for: prompt, endpoint: endpoint, parameters: parameters)
        let expected = #"{"contents":[{"role":"user","parts":[{"text":"Say \"hi\"\n"}]},{"role":"model","parts":[{"text":"hi"}]},{"role":"user","parts":[{"text":"Again é"}]}],"systemInstruction":{"parts":[{"text":"Be brief."}]},"generationConfig":{"maxOutputTokens":64,"temperature":0.7,"topP":0.9,"seed":42}}"#
        #expect(body(request) == expected)
        #expect(request.method == "POST")
        #expect(request.url == "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse")
        let again = try GeminiDialect.gemini.makeRequest(for: prompt, endpoint: endpoint, parameters: parameters)
        #expect(again.body == request.body)
    }

    @Test("a non-streaming request calls generateContent; without system messages there is no systemInstruction")
    func nonStreaming() throws {
        let plain = PromptItem(index: 1, messages: [ChatMessage(role: "user", content: "Hello")], maxTokens: 8)
        let request = try GeminiDialect.gemini.makeRequest(for: plain, endpoint: endpoint, parameters: GenerationParameters(stream: false))
        #expect(request.url == "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent")
        #expect(body(request) == #"{"contents":[{"role":"user","parts":[{"text":"Hello"}]}],"generationConfig":{"maxOutputTokens":8}}"#)
    }

    @Test("the model may be a bare name or a resource name, and is percent-encoded", arguments: [
        ("gemini-2.5-flash", "/models/gemini-2.5-flash:"), ("models/gemini-2.5-flash", "/models/gemini-2.5-flash:"),
        ("tunedModels/my-model-42", "/tunedModels/my-model-42:"), ("odd name?#", "/models/odd%20name%3F%23:"),
    ])
    func modelPath(model: String, path: String) throws {
        var named = endpoint
        named.model = model
        let request = try GeminiDialect.gemini.makeRequest(for: prompt, endpoint: named, parameters: GenerationParameters())
        #expect(request.url == "https://generativelanguage.googleapis.com/v1beta\(path)streamGenerateContent?alt=sse")
    }

    @Test("headers carry x-goog-api-key, then the extra headers; without a key no auth header at all")
    func headers() throws {
        var keyed = endpoint
        keyed.extraHeaders = [HTTPHeader("X-Trace", "1")]
        let request = try GeminiDialect.gemini.makeRequest(for: prompt, endpoint: keyed, parameters: GenerationParameters())
        #expect(request.headers == [
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("Accept", "text/event-stream"),
            HTTPHeader("x-goog-api-key", "AIza-test"),
            HTTPHeader("X-Trace", "1"),
        ])
        var keyless = endpoint
        keyless.apiKey = nil
        let plain = try GeminiDialect.gemini.makeRequest(for: prompt, endpoint: keyless, parameters: GenerationParameters(stream: false))
        #expect(plain.headers == [HTTPHeader("Content-Type", "application/json"), HTTPHeader("Accept", "application/json")])
    }

    @Test("non-finite sampling parameters are rejected")
    func invalidParameters() {
        #expect(throws: DialectError.invalidParameter("top_p", value: "nan")) {
            try GeminiDialect.gemini.makeRequest(for: prompt, endpoint: endpoint, parameters: GenerationParameters(topP: .nan))
        }
    }

    @Test("the model list is GET /models with the largest page, and names lose their models/ prefix")
    func modelList() throws {
        let request = try #require(try GeminiDialect.gemini.modelListRequest(endpoint: endpoint))
        #expect(request.method == "GET")
        #expect(request.url == "https://generativelanguage.googleapis.com/v1beta/models?pageSize=1000")
        #expect(request.headers == [HTTPHeader("Accept", "application/json"), HTTPHeader("x-goog-api-key", "AIza-test")])
        let list = #"{"models":[{"name":"models/gemini-2.5-flash","version":"001","displayName":"Gemini 2.5 Flash","inputTokenLimit":1048576,"outputTokenLimit":65536,"supportedGenerationMethods":["generateContent","countTokens"],"thinking":true},{"name":"models/embedding-001","version":"001"}],"nextPageToken":"Chxtb2RlbHMv"}"#
        #expect(GeminiDialect.gemini.modelIDs(fromListBody: Array(list.utf8)) == ["gemini-2.5-flash", "embedding-001"])
        #expect(GeminiDialect.gemini.modelIDs(fromListBody: Array("[]".utf8)) == nil)
    }

    @Test("a Google error body gives its message")
    func errorBody() {
        let body = #"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}}"#
        #expect(GeminiDialect.gemini.errorMessage(fromBody: Array(body.utf8)) == "API key not valid. Please pass a valid API key.")
    }

    @Test("id, base path, key style and registry entry")
    func identity() {
        #expect(GeminiDialect.gemini.id == "gemini")
        #expect(GeminiDialect.gemini.defaultBasePath == "/v1beta")
        #expect(GeminiDialect.gemini.defaultKeyStyle == .header("x-goog-api-key"))
        #expect(DialectRegistry.named("gemini")?.id == "gemini")
    }
}
