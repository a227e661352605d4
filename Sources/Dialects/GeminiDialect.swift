import CurlTransport
import Foundation
import Workload

/// Google's Gemini API: `POST {baseURL}/models/{model}:streamGenerateContent?alt=sse` (streaming) or
/// `:generateContent`, the base URL being `https://generativelanguage.googleapis.com/v1beta`.
public struct GeminiDialect: Dialect {
    /// The dialect (`gemini`).
    public static let gemini = GeminiDialect()

    /// Model resource names are sent as path segments: characters other than these (and `/`
    /// between segments) are percent-encoded.
    private static let pathCharacters = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/"
    )

    /// Creates the dialect.
    public init() {}

    /// `gemini`.
    public var id: String { "gemini" }

    /// Builds the POST request. The endpoint's model may be given as `gemini-2.5-flash` or as the
    /// resource name `models/gemini-2.5-flash` (any name with a `/` is taken as a resource name).
    /// Body keys are always in the same order: `contents` (the non-system messages, `assistant` as
    /// role `model` and the others as `user`, each one text part), `systemInstruction` (the system
    /// messages joined by blank lines, only when there are any), `generationConfig`
    /// (`maxOutputTokens`, then `temperature`, `topP`, `seed` when set, then `responseMimeType`
    /// `application/json` and `responseSchema` for an item with an output schema), then `tools` and `toolConfig`
    /// when the prompt offers tools (``addTools(for:to:)``). Gemini has no `ignore_eos`
    /// or `min_tokens`: those parameters are not sent. Headers: `Content-Type`, `Accept`, the key
    /// (`x-goog-api-key` unless the endpoint styles it otherwise), then the endpoint's extra headers.
    public func makeRequest(
        for prompt: PromptItem,
        endpoint: Endpoint,
        parameters: GenerationParameters
    ) throws(DialectError) -> HTTPRequest {
        let method = parameters.stream ? "streamGenerateContent?alt=sse" : "generateContent"
        return try jsonPOST(
            "/\(Self.resourceName(endpoint.model)):\(method)", body: try makeBody(for: prompt, parameters: parameters),
            streaming: parameters.stream, endpoint: endpoint
        )
    }

    /// Structured output goes in `generationConfig.responseSchema`.
    public var acceptsOutputSchema: Bool { true }

    /// `/v1beta`, where the Gemini API serves every current model.
    public var defaultBasePath: String { "/v1beta" }

    /// The key goes in the `x-goog-api-key` header.
    public var defaultKeyStyle: APIKeyStyle { .header("x-goog-api-key") }

    /// `GET {baseURL}/models?pageSize=1000`, the largest page the API serves.
    public func modelListRequest(endpoint: Endpoint) throws(DialectError) -> HTTPRequest? {
        try jsonGET("/models?pageSize=1000", endpoint: endpoint)
    }

    /// The `models[].name` members of a `/models` response, without their `models/` prefix
    /// (`gemini-2.5-flash`).
    public func modelIDs(fromListBody body: [UInt8]) -> [String]? {
        ModelList.ids(in: body, arrayKey: "models", idKey: "name")?.map { name in
            name.hasPrefix("models/") ? String(name.dropFirst("models/".count)) : name
        }
    }

    /// A stream decoder (server-sent events) or a whole-body decoder.
    public func makeDecoder(streaming: Bool) -> any ResponseDecoder {
        streaming ? GeminiStreamDecoder() : WholeBodyDecoder<GeminiBody>()
    }

    /// `models/{model}` for a bare model name, the name itself when it is already a resource name;
    /// percent-encoded for the URL path.
    private static func resourceName(_ model: String) -> String {
        let name = model.contains("/") ? model : "models/" + model
        return name.addingPercentEncoding(withAllowedCharacters: pathCharacters) ?? name
    }

    private func makeBody(for prompt: PromptItem, parameters: GenerationParameters) throws(DialectError) -> [UInt8] {
        var json = JSONObjectWriter()
        json.add("contents", Self.contents(prompt.messages))
        let system = prompt.messages.filter { $0.role == "system" }.map(\.content)
        if !system.isEmpty {
            var instruction = JSONObjectWriter()
            instruction.add("parts", [Self.textPart(system.joined(separator: "\n\n"))])
            json.add("systemInstruction", instruction)
        }
        var config = JSONObjectWriter()
        config.add("maxOutputTokens", prompt.maxTokens)
        if let temperature = parameters.temperature {
            guard temperature.isFinite else { throw .invalidParameter("temperature", value: "\(temperature)") }
            config.add("temperature", temperature)
        }
        if let topP = parameters.topP {
            guard topP.isFinite else { throw .invalidParameter("top_p", value: "\(topP)") }
            config.add("topP", topP)
        }
        if let seed = parameters.seed {
            config.add("seed", seed)
        }
        if let schema = prompt.outputSchema {
            config.add("responseMimeType", "application/json")
            config.add("responseSchema", json: Self.responseSchema(schema))
        }
        addReasoning(parameters.reasoning, to: &config)
        json.add("generationConfig", config)
        Self.addTools(for: prompt, to: &json)
        return json.finished()
    }

    private static func textPart(_ text: String) -> JSONObjectWriter {
        var part = JSONObjectWriter()
        part.add("text", text)
        return part
    }
}
