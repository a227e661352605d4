import CurlTransport
import Workload

/// OpenAI's Responses API as OpenAI and vLLM serve it: `POST {baseURL}/responses`, answered with
/// one `response` object or a stream of typed server-sent events.
public struct ResponsesDialect: Dialect {
    /// The dialect (`openai-responses`).
    public static let responses = ResponsesDialect()

    /// Creates the dialect.
    public init() {}

    /// `openai-responses`.
    public var id: String { "openai-responses" }

    /// Builds the POST request. Body keys are always in the same order: `model`, `instructions`
    /// (the system messages joined by blank lines, only when there are any), `input` (the other
    /// messages as `{"role":…,"content":…}` input messages), `max_output_tokens`, `stream`,
    /// `store` (always `false`: a benchmark's responses are not kept by the provider),
    /// `temperature`, `top_p`, `tools` (`{"type":"function","name":…,"description":…,"parameters":…}`),
    /// `tool_choice`, `text` (`{"format":{"type":"json_schema","name":…,"schema":…,"strict":true}}`
    /// for an item with an output schema); optional ones only when set. The API has no seed,
    /// `ignore_eos` or `min_tokens`: those parameters are not sent. OpenAI refuses a
    /// `max_output_tokens` below 16. Headers: `Content-Type`, `Accept`, the API key
    /// (`Authorization: Bearer` unless the endpoint styles it otherwise), then the endpoint's extra headers.
    public func makeRequest(
        for prompt: PromptItem,
        endpoint: Endpoint,
        parameters: GenerationParameters
    ) throws(DialectError) -> HTTPRequest {
        try jsonPOST(
            "/responses", body: try makeBody(for: prompt, model: endpoint.model, parameters: parameters),
            streaming: parameters.stream, endpoint: endpoint
        )
    }

    /// `/v1`, where OpenAI and vLLM mount the API.
    public var defaultBasePath: String { "/v1" }

    /// Structured output goes in `text.format`.
    public var acceptsOutputSchema: Bool { true }

    /// `GET {baseURL}/models`, as for the chat API.
    public func modelListRequest(endpoint: Endpoint) throws(DialectError) -> HTTPRequest? {
        try jsonGET("/models", endpoint: endpoint)
    }

    /// The `data[].id` members of a `/models` response.
    public func modelIDs(fromListBody body: [UInt8]) -> [String]? {
        ModelList.ids(in: body, arrayKey: "data", idKey: "id")
    }

    /// A stream decoder (typed server-sent events) or a whole-body decoder.
    public func makeDecoder(streaming: Bool) -> any ResponseDecoder {
        streaming ? ResponsesStreamDecoder() : WholeBodyDecoder<ResponsesBody>()
    }

    private func makeBody(
        for prompt: PromptItem,
        model: String,
        parameters: GenerationParameters
    ) throws(DialectError) -> [UInt8] {
        var json = JSONObjectWriter()
        json.add("model", model)
        let system = prompt.messages.filter { $0.role == "system" }.map(\.content)
        if !system.isEmpty {
            json.add("instructions", system.joined(separator: "\n\n"))
        }
        json.addMessages("input", prompt.messages.filter { $0.role != "system" })
        json.add("max_output_tokens", prompt.maxTokens)
        json.add("stream", parameters.stream)
        json.add("store", false)
        if let temperature = parameters.temperature {
            guard temperature.isFinite else { throw .invalidParameter("temperature", value: "\(temperature)") }
            json.add("temperature", temperature)
        }
        if let topP = parameters.topP {
            guard topP.isFinite else { throw .invalidParameter("top_p", value: "\(topP)") }
            json.add("top_p", topP)
        }
        if !prompt.tools.isEmpty {
            json.add("tools", prompt.tools.map { tool in
                var function = JSONObjectWriter()
                function.add("type", "function")
                function.add("name", tool.name)
                if !tool.description.isEmpty { function.add("description", tool.description) }
                function.add("parameters", json: tool.parametersJSON)
                return function
            })
        }
        if let choice = prompt.toolChoice {
            switch choice {
            case .auto: json.add("tool_choice", "auto")
            case .none: json.add("tool_choice", "none")
            case .required: json.add("tool_choice", "required")
            case .function(let name):
                var named = JSONObjectWriter()
                named.add("type", "function")
                named.add("name", name)
                json.add("tool_choice", named)
            }
        }
        if let schema = prompt.outputSchema {
            var format = JSONObjectWriter()
            format.add("type", "json_schema")
            format.add("name", schema.name)
            format.add("schema", json: schema.schemaJSON)
            format.add("strict", true)
            var text = JSONObjectWriter()
            text.add("format", format)
            json.add("text", text)
        }
        return json.finished()
    }
}
