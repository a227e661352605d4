import CurlTransport
import Workload

/// The OpenAI-compatible API as vLLM, SGLang, llama.cpp server, TGI, OpenAI and Mistral serve it:
/// `POST {baseURL}/chat/completions` or `POST {baseURL}/completions`.
public struct OpenAIDialect: Dialect {
    /// Which of the two OpenAI generation APIs to call.
    public enum API: String, Sendable, CaseIterable {
        /// `/chat/completions` with `messages`.
        case chat
        /// `/completions` (legacy) with `prompt`: the prompt item's ``PromptItem/text``.
        case completions

        /// The path after the base URL: `/chat/completions` or `/completions`.
        var path: String { self == .chat ? "/chat/completions" : "/completions" }
    }

    /// The chat API (`openai-chat`).
    public static let chat = OpenAIDialect(api: .chat)
    /// The completions API (`openai-completions`).
    public static let completions = OpenAIDialect(api: .completions)

    /// The API this dialect calls.
    public let api: API

    /// Creates the dialect for `api`.
    public init(api: API) {
        self.api = api
    }

    /// `openai-chat` or `openai-completions`.
    public var id: String { "openai-\(api.rawValue)" }

    /// Builds the POST request. Body keys are always in the same order: `model`, `messages` /
    /// `prompt`, `max_tokens`, `stream`, `stream_options`, `temperature`, `top_p`, `seed`,
    /// `ignore_eos`, `min_tokens`, then `tools` and `tool_choice` (``addTools(for:to:)``),
    /// `response_format` (chat, for an item with an output schema); optional ones only when set. Headers: `Content-Type`, `Accept`,
    /// the API key (`Authorization: Bearer` unless the endpoint styles it otherwise), then the endpoint's extra headers.
    public func makeRequest(
        for prompt: PromptItem,
        endpoint: Endpoint,
        parameters: GenerationParameters
    ) throws(DialectError) -> HTTPRequest {
        try jsonPOST(
            api.path, body: try makeBody(for: prompt, model: endpoint.model, parameters: parameters),
            streaming: parameters.stream, endpoint: endpoint
        )
    }

    /// The chat API takes `response_format`; the legacy completions API has no schema parameter.
    public var acceptsOutputSchema: Bool { api == .chat }

    /// `/v1`, where OpenAI-compatible servers mount the API.
    public var defaultBasePath: String { "/v1" }

    /// `GET {baseURL}/models`.
    public func modelListRequest(endpoint: Endpoint) throws(DialectError) -> HTTPRequest? {
        try jsonGET("/models", endpoint: endpoint)
    }

    /// The `data[].id` members of a `/models` response.
    public func modelIDs(fromListBody body: [UInt8]) -> [String]? {
        ModelList.ids(in: body, arrayKey: "data", idKey: "id")
    }

    /// A stream decoder (server-sent events) or a whole-body decoder.
    public func makeDecoder(streaming: Bool) -> any ResponseDecoder {
        streaming ? OpenAIStreamDecoder() : OpenAIBodyDecoder()
    }

    /// The body described at ``makeRequest(for:endpoint:parameters:)``. Shared with
    /// ``AzureOpenAIDialect``, which sends the same body to its own paths.
    func makeBody(
        for prompt: PromptItem,
        model: String,
        parameters: GenerationParameters
    ) throws(DialectError) -> [UInt8] {
        var json = JSONObjectWriter()
        json.add("model", model)
        switch api {
        case .chat:
            json.addMessages("messages", prompt.messages)
        case .completions:
            json.add("prompt", prompt.text)
        }
        json.add("max_tokens", prompt.maxTokens)
        json.add("stream", parameters.stream)
        if parameters.stream, parameters.includeUsage {
            var options = JSONObjectWriter()
            options.add("include_usage", true)
            json.add("stream_options", options)
        }
        if let temperature = parameters.temperature {
            guard temperature.isFinite else { throw .invalidParameter("temperature", value: "\(temperature)") }
            json.add("temperature", temperature)
        }
        if let topP = parameters.topP {
            guard topP.isFinite else { throw .invalidParameter("top_p", value: "\(topP)") }
            json.add("top_p", topP)
        }
        if let seed = parameters.seed {
            json.add("seed", seed)
        }
        if parameters.ignoreEOS {
            json.add("ignore_eos", true)
        }
        if let minTokens = parameters.minTokens {
            json.add("min_tokens", minTokens)
        }
        addTools(for: prompt, to: &json)
        if api == .chat, let schema = prompt.outputSchema {
            json.addResponseFormat(schema)
        }
        addReasoning(parameters.reasoning, to: &json)
        return json.finished()
    }
}
