import CurlTransport
import Dialects
import Testing
import Workload

@Suite("Ollama request building")
struct OllamaRequestTests {
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
    private let endpoint = Endpoint(baseURL: "http://127.0.0.1:11434", model: "llama3.2:3b")

    private func body(_ request: HTTPRequest) -> String {
        String(decoding: request.body ?? [], as: UTF8.self)
    }

    @Test("the chat body is exact, in fixed key order, with every option set, and byte-identical on repeat")
    func chatBody() throws {
        let parameters = GenerationParameters(
            temperature: 0.7, topP: 0.9, seed: 42, ignoreEOS: true, minTokens: 64, contextWindow: 8192, keepAlive: "5m"
        )
        let request = try OllamaDialect.chat.makeRequest(for: prompt, endpoint: endpoint, parameters: parameters)
        let expected = #"{"model":"llama3.2:3b","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Say \"hi\"\n"},{"role":"assistant","content":"hi"},{"role":"user","content":"Again é"}],"stream":true,"options":{"num_predict":64,"num_ctx":8192,"temperature":0.7,"top_p":0.9,"seed":42},"keep_alive":"5m"}"#
        #expect(body(request) == expected)
        #expect(request.method == "POST")
        #expect(request.url == "http://127.0.0.1:11434/api/chat")
        let again = try OllamaDialect.chat.makeRequest(for: prompt, endpoint: endpoint, parameters: parameters)
        #expect(again.body == request.body)
    }

    @Test("the generate body sends the non-system text as prompt and the system message as system")
    func generateBody() throws {
        let request = try OllamaDialect.generate.makeRequest(for: prompt, endpoint: endpoint, parameters: GenerationParameters(stream: false))
        #expect(request.url == "http://127.0.0.1:11434/api/generate")
        #expect(body(request) == #"{"model":"llama3.2:3b","prompt":"Say \"hi\"\n\n\nhi\n\nAgain é","system":"Be brief.","stream":false,"options":{"num_predict":64}}"#)
    }

    @Test("without a system message, generate sends the item's text and no system key")
    func generateWithoutSystem() throws {
        let plain = PromptItem(index: 1, messages: [ChatMessage(role: "user", content: "One"), ChatMessage(role: "user", content: "Two")], maxTokens: 8)
        let request = try OllamaDialect.generate.makeRequest(for: plain, endpoint: endpoint, parameters: GenerationParameters())
        #expect(plain.text == "One\n\nTwo")
        #expect(body(request) == #"{"model":"llama3.2:3b","prompt":"One\n\nTwo","stream":true,"options":{"num_predict":8}}"#)
    }

    @Test("a whole-number keep_alive is sent as seconds, anything else as the string", arguments: [
        ("-1", #""keep_alive":-1"#), ("0", #""keep_alive":0"#), ("300", #""keep_alive":300"#),
        ("5m", #""keep_alive":"5m""#), ("1h30m", #""keep_alive":"1h30m""#),
    ])
    func keepAlive(value: String, expected: String) throws {
        let request = try OllamaDialect.chat.makeRequest(for: prompt, endpoint: endpoint, parameters: GenerationParameters(keepAlive: value))
        #expect(body(request).hasSuffix(",\(expected)}"))
    }

    @Test("ignore_eos, min_tokens and stream_options are never sent: Ollama has none of them")
    func noOpenAIExtensions() throws {
        let request = try OllamaDialect.chat.makeRequest(
            for: prompt, endpoint: endpoint, parameters: GenerationParameters(includeUsage: true, ignoreEOS: true, minTokens: 5)
        )
        #expect(!body(request).contains("ignore_eos"))
        #expect(!body(request).contains("min_tokens"))
        #expect(!body(request).contains("stream_options"))
    }

    @Test("without a key no auth header is sent; with one it is a bearer token, then the extra headers")
    func headers() throws {
        let plain = try OllamaDialect.chat.makeRequest(for: prompt, endpoint: endpoint, parameters: GenerationParameters())
        #expect(plain.headers == [HTTPHeader("Content-Type", "application/json"), HTTPHeader("Accept", "application/x-ndjson")])
        var keyed = endpoint
        keyed.apiKey = "ollama-test"
        keyed.extraHeaders = [HTTPHeader("X-Trace", "1")]
        let request = try OllamaDialect.generate.makeRequest(for: prompt, endpoint: keyed, parameters: GenerationParameters(stream: false))
        #expect(request.headers == [
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("Accept", "application/json"),
            HTTPHeader("Authorization", "Bearer ollama-test"),
            HTTPHeader("X-Trace", "1"),
        ])
        keyed.keyStyle = .header("X-API-Key")
        let styled = try OllamaDialect.chat.makeRequest(for: prompt, endpoint: keyed, parameters: GenerationParameters())
        #expect(styled.headers[2] == HTTPHeader("X-API-Key", "ollama-test"))
    }

    @Test("non-finite sampling parameters and a bad base URL are rejected")
    func invalidInput() {
        #expect(throws: DialectError.invalidParameter("temperature", value: "nan")) {
            try OllamaDialect.chat.makeRequest(for: prompt, endpoint: endpoint, parameters: GenerationParameters(temperature: .nan))
        }
        #expect(throws: DialectError.invalidParameter("top_p", value: "inf")) {
            try OllamaDialect.generate.makeRequest(for: prompt, endpoint: endpoint, parameters: GenerationParameters(topP: .infinity))
        }
        #expect(throws: DialectError.invalidBaseURL("localhost:11434")) {
            try OllamaDialect.chat.makeRequest(for: prompt, endpoint: Endpoint(baseURL: "localhost:11434", model: "m"), parameters: GenerationParameters())
        }
    }

    @Test("the model list is GET /api/tags and its names are read")
    func modelList() throws {
        var keyed = endpoint
        keyed.baseURL = "http://127.0.0.1:11434/"
        keyed.apiKey = "k"
        let request = try #require(try OllamaDialect.chat.modelListRequest(endpoint: keyed))
        #expect(request.method == "GET")
        #expect(request.url == "http://127.0.0.1:11434/api/tags")
        #expect(request.headers == [HTTPHeader("Accept", "application/json"), HTTPHeader("Authorization", "Bearer k")])
        let tags = #"{"models":[{"name":"llama3.2:latest","model":"llama3.2:latest","modified_at":"2025-05-04T17:37:44.706015396-07:00","size":2019393189,"digest":"a80c4f17acd5","details":{"parent_model":"","format":"gguf","family":"llama","families":["llama"],"parameter_size":"3.2B","quantization_level":"Q4_K_M"}},{"name":"qwen3:8b","model":"qwen3:8b","size":5225376047}]}"#
        #expect(OllamaDialect.generate.modelIDs(fromListBody: Array(tags.utf8)) == ["llama3.2:latest", "qwen3:8b"])
        #expect(OllamaDialect.chat.modelIDs(fromListBody: Array(#"{"error":"unauthorized"}"#.utf8)) == nil)
    }

    @Test("ids, base path, key style and registry entries")
    func identity() {
        #expect(OllamaDialect.chat.id == "ollama-chat")
        #expect(OllamaDialect.generate.id == "ollama-generate")
        #expect(OllamaDialect.chat.defaultBasePath == "")
        #expect(OllamaDialect.chat.defaultKeyStyle == .bearer)
        #expect(DialectRegistry.named("ollama-chat")?.id == "ollama-chat")
        #expect(DialectRegistry.named("ollama-generate")?.id == "ollama-generate")
    }

    @Test("an Ollama error body gives its error string")
    func errorBody() {
        let message = OllamaDialect.chat.errorMessage(fromBody: Array(#"{"error":"model \"nope\" not found, try pulling it first"}"#.utf8))
        #expect(message == #"model "nope" not found, try pulling it first"#)
    }
}
