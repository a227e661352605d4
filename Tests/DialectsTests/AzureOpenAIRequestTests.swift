import CurlTransport
import Dialects
import Testing
import Workload

@Suite("Azure OpenAI requests and decoding")
struct AzureOpenAIRequestTests {
    private let prompt = PromptItem(
        index: 0,
        messages: [ChatMessage(role: "system", content: "Be brief."), ChatMessage(role: "user", content: "Say \"hi\"")],
        maxTokens: 64
    )
    private let endpoint = Endpoint(baseURL: "https://my-resource.openai.azure.com/", model: "gpt-4o-mini-prod", apiKey: "azure-key")

    @Test("chat goes to the deployment path with the default api-version and OpenAI's exact body")
    func chatRequest() throws {
        let parameters = GenerationParameters(temperature: 0.2, seed: 7)
        let request = try AzureOpenAIDialect.chat.makeRequest(for: prompt, endpoint: endpoint, parameters: parameters)
        #expect(request.method == "POST")
        #expect(request.url == "https://my-resource.openai.azure.com/openai/deployments/gpt-4o-mini-prod/chat/completions?api-version=2024-10-21")
        let openAI = try OpenAIDialect.chat.makeRequest(for: prompt, endpoint: endpoint, parameters: parameters)
        #expect(request.body == openAI.body)
        #expect(String(decoding: request.body ?? [], as: UTF8.self) == #"{"model":"gpt-4o-mini-prod","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Say \"hi\""}],"max_tokens":64,"stream":true,"stream_options":{"include_usage":true},"temperature":0.2,"seed":7}"#)
    }

    @Test("completions go to /completions; the endpoint's api-version and the deployment are percent-encoded")
    func completionsRequest() throws {
        var custom = endpoint
        custom.model = "my deployment/1"
        custom.apiVersion = "2025-04-01-preview&x=1"
        let request = try AzureOpenAIDialect.completions.makeRequest(for: prompt, endpoint: custom, parameters: GenerationParameters(stream: false))
        #expect(request.url == "https://my-resource.openai.azure.com/openai/deployments/my%20deployment%2F1/completions?api-version=2025-04-01-preview%26x%3D1")
        #expect(String(decoding: request.body ?? [], as: UTF8.self).hasPrefix(#"{"model":"my deployment/1","prompt":"Be brief.\n\nSay \"hi\"","max_tokens":64,"stream":false}"#))
    }

    @Test("the key goes in api-key by default, then the extra headers")
    func apiKeyHeader() throws {
        var keyed = endpoint
        keyed.extraHeaders = [HTTPHeader("x-ms-client-request-id", "abc")]
        let request = try AzureOpenAIDialect.chat.makeRequest(for: prompt, endpoint: keyed, parameters: GenerationParameters())
        #expect(request.headers == [
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("Accept", "text/event-stream"),
            HTTPHeader("api-key", "azure-key"),
            HTTPHeader("x-ms-client-request-id", "abc"),
        ])
    }

    @Test("an endpoint styled bearer sends its Entra ID token as Authorization: Bearer and no api-key")
    func entraToken() throws {
        var entra = endpoint
        entra.apiKey = "eyJ0eXAiOiJKV1Qi"
        entra.keyStyle = .bearer
        let request = try AzureOpenAIDialect.chat.makeRequest(for: prompt, endpoint: entra, parameters: GenerationParameters(stream: false))
        #expect(request.headers == [
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("Accept", "application/json"),
            HTTPHeader("Authorization", "Bearer eyJ0eXAiOiJKV1Qi"),
        ])
    }

    @Test("without a key no auth header is sent at all")
    func missingKey() throws {
        var keyless = endpoint
        keyless.apiKey = nil
        let request = try AzureOpenAIDialect.chat.makeRequest(for: prompt, endpoint: keyless, parameters: GenerationParameters())
        #expect(request.headers == [HTTPHeader("Content-Type", "application/json"), HTTPHeader("Accept", "text/event-stream")])
    }

    @Test("a bad base URL and a non-finite temperature are rejected as for OpenAI")
    func invalidInput() {
        #expect(throws: DialectError.invalidBaseURL("my-resource.openai.azure.com")) {
            try AzureOpenAIDialect.chat.makeRequest(
                for: prompt, endpoint: Endpoint(baseURL: "my-resource.openai.azure.com", model: "d"), parameters: GenerationParameters()
            )
        }
        #expect(throws: DialectError.invalidParameter("temperature", value: "nan")) {
            try AzureOpenAIDialect.chat.makeRequest(for: prompt, endpoint: endpoint, parameters: GenerationParameters(temperature: .nan))
        }
    }

    @Test("the model list is GET /openai/models with the api-version, and its ids are read")
    func modelList() throws {
        let request = try #require(try AzureOpenAIDialect.chat.modelListRequest(endpoint: endpoint))
        #expect(request.method == "GET")
        #expect(request.url == "https://my-resource.openai.azure.com/openai/models?api-version=2024-10-21")
        #expect(request.headers == [HTTPHeader("Accept", "application/json"), HTTPHeader("api-key", "azure-key")])
        let list = #"{"data":[{"status":"succeeded","capabilities":{"fine_tune":false,"inference":true,"completion":false,"chat_completion":true,"embeddings":false},"lifecycle_status":"generally-available","id":"gpt-4o-mini-2024-07-18","created_at":1721260800,"object":"model"}],"object":"list"}"#
        #expect(AzureOpenAIDialect.chat.modelIDs(fromListBody: Array(list.utf8)) == nil, "base models are not deployments")
    }

    @Test("responses are decoded by OpenAI's decoders, streamed and whole")
    func decoders() {
        let stream = Fixtures.stream(Fixtures.vllmChat + ["[DONE]"])
        let azure = Fixtures.decode(AzureOpenAIDialect.chat.makeDecoder(streaming: true), feeds: [stream])
        #expect(azure == Fixtures.decode(OpenAIDialect.chat.makeDecoder(streaming: true), feeds: [stream]))
        #expect(azure.sawEndMarker && azure.usage?.completionTokens == 4)
        let body = Array(#"{"choices":[{"index":0,"text":"Once","finish_reason":"length"}],"usage":{"prompt_tokens":3,"completion_tokens":1}}"#.utf8)
        let whole = Fixtures.decode(AzureOpenAIDialect.completions.makeDecoder(streaming: false), feeds: [body])
        #expect(whole.sawEndMarker && whole.finishReason == "length")
    }

    @Test("an Azure error body gives its message")
    func errorBody() {
        let body = #"{"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist."}}"#
        #expect(AzureOpenAIDialect.chat.errorMessage(fromBody: Array(body.utf8)) == "The API deployment for this resource does not exist.")
    }

    @Test("ids, base path, key style and registry entries")
    func identity() {
        #expect(AzureOpenAIDialect.chat.id == "azure-openai-chat")
        #expect(AzureOpenAIDialect.completions.id == "azure-openai-completions")
        #expect(AzureOpenAIDialect.chat.defaultBasePath == "")
        #expect(AzureOpenAIDialect.chat.defaultKeyStyle == .header("api-key"))
        #expect(AzureOpenAIDialect.defaultAPIVersion == "2024-10-21")
        #expect(DialectRegistry.named("azure-openai-chat")?.id == "azure-openai-chat")
        #expect(DialectRegistry.named("azure-openai-completions")?.id == "azure-openai-completions")
    }
}
