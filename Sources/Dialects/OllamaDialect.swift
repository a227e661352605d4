import CurlTransport
import Workload

/// Ollama's native API: `POST {baseURL}/api/chat` or `POST {baseURL}/api/generate`, answered with
/// newline-delimited JSON whose last line carries Ollama's own counts and durations. The base URL
/// is the server root (`http://host:11434`). (Ollama's OpenAI-compatible API is ``OpenAIDialect``
/// with the base URL `http://host:11434/v1`.)
public struct OllamaDialect: Dialect {
    /// Which of the two Ollama generation APIs to call.
    public enum API: String, Sendable, CaseIterable {
        /// `/api/chat` with `messages`.
        case chat
        /// `/api/generate` with `prompt` and, when the conversation has one, `system`.
        case generate
    }

    /// The chat API (`ollama-chat`).
    public static let chat = OllamaDialect(api: .chat)
    /// The generate API (`ollama-generate`).
    public static let generate = OllamaDialect(api: .generate)

    /// The API this dialect calls.
    public let api: API

    /// Creates the dialect for `api`.
    public init(api: API) {
        self.api = api
    }

    /// `ollama-chat` or `ollama-generate`.
    public var id: String { "ollama-\(api.rawValue)" }

    /// Ollama serves `GET /api/ps`.
    public var servesProcessList: Bool { true }

    /// Builds the POST request. Body keys are always in the same order: `model`, `messages` (chat) or
    /// `prompt` then `system` (generate; `system` only when the conversation has a system message),
    /// `stream`, `format` (the output schema, for an item with one), `options` (`num_predict` = the
    /// prompt's max tokens, then `num_ctx`, `temperature`, `top_p`, `seed` when set), `keep_alive`
    /// when set, `tools` (``addTools(for:to:)``). Headers: `Content-Type`, `Accept`, the API
    /// key (`Authorization: Bearer`, for an Ollama behind a proxy, unless the endpoint styles it
    /// otherwise), then the endpoint's extra headers.
    ///
    /// For `generate`, `prompt` is the text of the non-system messages joined by blank lines (the
    /// item's ``PromptItem/text`` when it has no system message) and `system` the system messages'.
    /// A ``GenerationParameters/keepAlive`` that is a whole number is sent as a number of seconds
    /// (Ollama reads `"-1"` as a malformed duration but `-1` as "keep loaded"); other values, such as
    /// `5m`, as the string.
    public func makeRequest(
        for prompt: PromptItem,
        endpoint: Endpoint,
        parameters: GenerationParameters
    ) throws(DialectError) -> HTTPRequest {
        try jsonPOST(
            "/api/\(api.rawValue)", body: try makeBody(for: prompt, model: endpoint.model, parameters: parameters),
            streaming: parameters.stream, streamMediaType: "application/x-ndjson", endpoint: endpoint
        )
    }

    /// Empty: the base URL is Ollama's server root.
    public var defaultBasePath: String { "" }

    /// Structured output goes in `format` (the schema itself), on both APIs.
    public var acceptsOutputSchema: Bool { true }

    /// `GET {baseURL}/api/tags`.
    public func modelListRequest(endpoint: Endpoint) throws(DialectError) -> HTTPRequest? {
        try jsonGET("/api/tags", endpoint: endpoint)
    }

    /// The `models[].name` members of an `/api/tags` response (`llama3.2:latest`).
    public func modelIDs(fromListBody body: [UInt8]) -> [String]? {
        ModelList.ids(in: body, arrayKey: "models", idKey: "name")
    }

    /// A newline-delimited JSON stream decoder or a whole-body decoder; the same for both APIs.
    public func makeDecoder(streaming: Bool) -> any ResponseDecoder {
        streaming ? OllamaStreamDecoder() : WholeBodyDecoder<OllamaBody>()
    }

    private func makeBody(
        for prompt: PromptItem,
        model: String,
        parameters: GenerationParameters
    ) throws(DialectError) -> [UInt8] {
        var json = JSONObjectWriter()
        json.add("model", model)
        switch api {
        case .chat:
            json.addMessages("messages", prompt.messages, toolStyle: .ollama)
        case .generate:
            let system = prompt.messages.filter { $0.role == "system" }.map(\.content)
            json.add("prompt", prompt.messages.filter { $0.role != "system" }.map(\.content).joined(separator: "\n\n"))
            if !system.isEmpty {
                json.add("system", system.joined(separator: "\n\n"))
            }
        }
        json.add("stream", parameters.stream)
        if let schema = prompt.outputSchema {
            json.add("format", json: schema.schemaJSON)
        }
        json.add("options", try makeOptions(for: prompt, parameters: parameters))
        if let keepAlive = parameters.keepAlive {
            if let seconds = Int(keepAlive) {
                json.add("keep_alive", seconds)
            } else {
                json.add("keep_alive", keepAlive)
            }
        }
        addTools(for: prompt, to: &json)
        addReasoning(parameters.reasoning, to: &json)
        return json.finished()
    }

    private func makeOptions(for prompt: PromptItem, parameters: GenerationParameters) throws(DialectError) -> JSONObjectWriter {
        var options = JSONObjectWriter()
        options.add("num_predict", prompt.maxTokens)
        if let contextWindow = parameters.contextWindow {
            options.add("num_ctx", contextWindow)
        }
        if let temperature = parameters.temperature {
            guard temperature.isFinite else { throw .invalidParameter("temperature", value: "\(temperature)") }
            options.add("temperature", temperature)
        }
        if let topP = parameters.topP {
            guard topP.isFinite else { throw .invalidParameter("top_p", value: "\(topP)") }
            options.add("top_p", topP)
        }
        if let seed = parameters.seed {
            options.add("seed", seed)
        }
        return options
    }
}
