import CurlTransport
import Metrics
import Workload

/// An API dialect: builds the HTTP request for a prompt and decodes the response into observations.
///
/// A dialect is a stateless value shared by every request of a run; per-response state lives in the
/// ``ResponseDecoder`` it makes.
public protocol Dialect: Sendable {
    /// Stable identifier used on the command line and in results files (`openai-chat`, `openai-completions`).
    var id: String { get }

    /// Builds the request for one prompt.
    ///
    /// The same prompt, endpoint and parameters always give a byte-identical request.
    /// - Throws: ``DialectError`` when the endpoint's base URL or a parameter cannot be sent.
    func makeRequest(
        for prompt: PromptItem,
        endpoint: Endpoint,
        parameters: GenerationParameters
    ) throws(DialectError) -> HTTPRequest

    /// A fresh decoder for one response body; `streaming` must match the request's
    /// ``GenerationParameters/stream``.
    func makeDecoder(streaming: Bool) -> any ResponseDecoder

    /// A fresh decoder for the response to `prompt`'s request: ``makeDecoder(streaming:)`` unless
    /// the dialect checks the body against what was asked (one embedding per input, one score per
    /// document).
    func makeDecoder(for prompt: PromptItem, streaming: Bool) -> any ResponseDecoder

    /// What this dialect's requests ask for: generations (the default), embeddings or reranks.
    var requestKind: RequestKind { get }

    /// The inputs `prompt`'s request carries (texts embedded, documents reranked): the
    /// `inputs` column; nil for a generation.
    func inputCount(of prompt: PromptItem) -> Int?

    /// The answer text of a complete response body kept by the client (`streaming` as the
    /// request was sent): the generated content joined in order, reasoning left out; nil when the
    /// dialect cannot read answers. Called after the request ended, off the transport thread.
    func responseText(of body: [UInt8], streaming: Bool) -> String?

    /// Whether a request can offer tools (`tools`, `tool_choice`) and carry tool calls and results
    /// in its conversation; a scenario offering tools to a target whose dialect cannot is refused
    /// at load.
    var acceptsTools: Bool { get }

    /// The tool calls of a complete response body kept by the client (`streaming` as the request
    /// was sent), in the order the response gave them, streamed argument pieces joined; nil when
    /// the dialect cannot read calls. Called after the request ended, off the transport thread.
    func toolCalls(of body: [UInt8], streaming: Bool) -> [ToolCall]?

    /// A short human message from an error body (for example OpenAI's `{"error":{"message":…}}`),
    /// or `nil` when the body says nothing useful. One line, at most about 300 characters.
    func errorMessage(fromBody body: [UInt8]) -> String?

    /// Path appended to a server's root to form the base URL this dialect expects (`/v1` for
    /// OpenAI-compatible servers, empty for Ollama's native API). Used for the built-in simulator.
    var defaultBasePath: String { get }

    /// How the API key is sent unless the endpoint says otherwise.
    var defaultKeyStyle: APIKeyStyle { get }

    /// Adds authentication to `request` (a measured request or a side request to the same
    /// endpoint): the API key header by default; request signing for dialects that sign (Bedrock).
    func authorize(_ request: inout HTTPRequest, endpoint: Endpoint)

    /// The request that lists the models the endpoint serves (`GET /v1/models`, `GET /api/tags`),
    /// authorized; `nil` when the API has no such listing reachable with the same credentials.
    func modelListRequest(endpoint: Endpoint) throws(DialectError) -> HTTPRequest?

    /// Model identifiers from a model-listing response body, or `nil` when the body is not one.
    func modelIDs(fromListBody body: [UInt8]) -> [String]?

    /// What loading a scenario checks for a target of this dialect besides its API key: a region
    /// it addresses, credentials of its own (see ``DialectRegistry/catalog``).
    var traits: DialectTraits { get }

    /// The credentials requests to `target` are signed with, resolved from `environment`; `nil`
    /// when this dialect signs nothing (its API key, if any, is sent as it is) or none are set.
    func signingCredentials(for target: TargetSpec, environment: [String: String]) -> AWSCredentials?

    /// Whether the server behind this API lists its loaded models with their memory at
    /// `GET /api/ps` (Ollama's process list), which telemetry reads before and after a target's
    /// levels.
    var servesProcessList: Bool { get }

    /// Whether the API takes a JSON Schema the answer must follow (structured output: OpenAI's
    /// `response_format`, Ollama's `format`, Gemini's `responseSchema`, the Responses API's
    /// `text.format`); a run refuses an item with ``PromptItem/outputSchema`` on a target whose
    /// dialect does not.
    var acceptsOutputSchema: Bool { get }
}

extension Dialect {
    /// Bearer token, as OpenAI and most compatible servers take it.
    public var defaultKeyStyle: APIKeyStyle { .bearer }

    /// The dialect's request kind, no region and no credentials besides an API key.
    public var traits: DialectTraits { DialectTraits(requestKind: requestKind) }

    /// Generations.
    public var requestKind: RequestKind { .generation }

    /// nil: a generation carries no inputs of its own.
    public func inputCount(of prompt: PromptItem) -> Int? { nil }

    /// The decoder of ``makeDecoder(streaming:)``: a generation's body is judged whatever it
    /// answers.
    public func makeDecoder(for prompt: PromptItem, streaming: Bool) -> any ResponseDecoder {
        makeDecoder(streaming: streaming)
    }

    /// The message of the common error shapes (`{"error":{"message":…}}`, `{"error":"…"}`,
    /// `{"message":…}`), or the body text: what OpenAI, Azure, Anthropic, Gemini and Ollama send.
    public func errorMessage(fromBody body: [UInt8]) -> String? {
        ErrorText.message(fromBody: body)
    }

    /// `false`: no Ollama process list.
    public var servesProcessList: Bool { false }

    /// `false`: no structured-output parameter.
    public var acceptsOutputSchema: Bool { false }

    /// `nil`: answers in this dialect are not read, so they are never scored.
    public func responseText(of body: [UInt8], streaming: Bool) -> String? {
        nil
    }

    /// `nil`: requests are not signed.
    public func signingCredentials(for target: TargetSpec, environment: [String: String]) -> AWSCredentials? {
        nil
    }

    /// An authorized `GET {baseURL}{path}` asking for JSON, with the endpoint's extra headers: the
    /// shape of every model-listing request.
    func jsonGET(_ path: String, endpoint: Endpoint) throws(DialectError) -> HTTPRequest {
        var request = HTTPRequest(method: "GET", url: try endpoint.url(appending: path), headers: [HTTPHeader("Accept", "application/json")])
        authorize(&request, endpoint: endpoint)
        request.headers.append(contentsOf: endpoint.extraHeaders)
        return request
    }

    /// An authorized `POST {baseURL}{path}` of a JSON `body` with the endpoint's extra headers: the
    /// shape of every generation request but Bedrock's (which signs over its extra headers). Headers,
    /// in order: `Content-Type: application/json`, `Accept` (`streamMediaType` when `streaming`,
    /// else `application/json`), those of ``authorize(_:endpoint:)``, then the endpoint's extra headers.
    func jsonPOST(
        _ path: String,
        body: [UInt8],
        streaming: Bool,
        streamMediaType: String = "text/event-stream",
        endpoint: Endpoint
    ) throws(DialectError) -> HTTPRequest {
        let headers = [
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("Accept", streaming ? streamMediaType : "application/json"),
        ]
        var request = HTTPRequest(method: "POST", url: try endpoint.url(appending: path), headers: headers, body: body)
        authorize(&request, endpoint: endpoint)
        request.headers.append(contentsOf: endpoint.extraHeaders)
        return request
    }

    /// Adds the endpoint's key header (if any) before its extra headers are appended by the caller.
    public func authorize(_ request: inout HTTPRequest, endpoint: Endpoint) {
        if let header = endpoint.keyHeader(default: defaultKeyStyle) {
            request.headers.append(header)
        }
    }
}
