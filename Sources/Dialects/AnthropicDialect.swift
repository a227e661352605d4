import CurlTransport
import Workload

/// Anthropic's Messages API: `POST {baseURL}/messages`, the base URL being `https://api.anthropic.com/v1`.
public struct AnthropicDialect: Dialect {
    /// The `anthropic-version` sent unless the endpoint names one.
    public static let defaultAPIVersion = "2023-06-01"

    /// The dialect (`anthropic-messages`).
    public static let messages = AnthropicDialect()

    /// Creates the dialect.
    public init() {}

    /// `anthropic-messages`.
    public var id: String { "anthropic-messages" }

    /// Builds the POST request. Body keys are always in the same order: `model`, `max_tokens`,
    /// `system` (the system messages joined by blank lines, only when there are any), `messages`
    /// (the other messages, ``messageObjects(_:)``), `stream`, `temperature`, `top_p`, `tools` and
    /// `tool_choice` (``addTools(for:to:)``); optional ones only when set. The
    /// Messages API has no seed, `ignore_eos` or `min_tokens`: those parameters are not sent.
    /// Headers: `Content-Type`, `Accept`, then those of ``authorize(_:endpoint:)``, then the
    /// endpoint's extra headers.
    public func makeRequest(
        for prompt: PromptItem,
        endpoint: Endpoint,
        parameters: GenerationParameters
    ) throws(DialectError) -> HTTPRequest {
        try jsonPOST(
            "/messages", body: try makeBody(for: prompt, model: endpoint.model, parameters: parameters),
            streaming: parameters.stream, endpoint: endpoint
        )
    }

    /// `/v1`, where the Messages API is mounted.
    public var defaultBasePath: String { "/v1" }

    /// The key goes in the `x-api-key` header.
    public var defaultKeyStyle: APIKeyStyle { .header("x-api-key") }

    /// Adds the key header (when the endpoint has a key) and `anthropic-version` (the endpoint's
    /// ``Endpoint/apiVersion`` or ``defaultAPIVersion``), which every request to the API carries.
    public func authorize(_ request: inout HTTPRequest, endpoint: Endpoint) {
        if let header = endpoint.keyHeader(default: defaultKeyStyle) {
            request.headers.append(header)
        }
        request.headers.append(HTTPHeader("anthropic-version", endpoint.apiVersion ?? Self.defaultAPIVersion))
    }

    /// `GET {baseURL}/models?limit=1000`, the largest page the API serves.
    public func modelListRequest(endpoint: Endpoint) throws(DialectError) -> HTTPRequest? {
        try jsonGET("/models?limit=1000", endpoint: endpoint)
    }

    /// The `data[].id` members of a `/models` response.
    public func modelIDs(fromListBody body: [UInt8]) -> [String]? {
        ModelList.ids(in: body, arrayKey: "data", idKey: "id")
    }

    /// A stream decoder (server-sent events) or a whole-body decoder.
    public func makeDecoder(streaming: Bool) -> any ResponseDecoder {
        streaming ? AnthropicStreamDecoder() : WholeBodyDecoder<AnthropicBody>()
    }

    private func makeBody(
        for prompt: PromptItem,
        model: String,
        parameters: GenerationParameters
    ) throws(DialectError) -> [UInt8] {
        var json = JSONObjectWriter()
        json.add("model", model)
        json.add("max_tokens", prompt.maxTokens)
        let system = prompt.messages.filter { $0.role == "system" }.map(\.content)
        if !system.isEmpty {
            json.add("system", system.joined(separator: "\n\n"))
        }
        json.add("messages", Self.messageObjects(prompt.messages))
        json.add("stream", parameters.stream)
        if let temperature = parameters.temperature {
            guard temperature.isFinite else { throw .invalidParameter("temperature", value: "\(temperature)") }
            json.add("temperature", temperature)
        }
        if let topP = parameters.topP {
            guard topP.isFinite else { throw .invalidParameter("top_p", value: "\(topP)") }
            json.add("top_p", topP)
        }
        Self.addTools(for: prompt, to: &json)
        addReasoning(parameters.reasoning, to: &json)
        return json.finished()
    }
}
