extension InferenceRequest {
    /// Decodes and validates an OpenAI-compatible request body (`/chat/completions` for `.chat`,
    /// `/completions` for `.completion`), as vLLM accepts it; Azure OpenAI's deployments too.
    ///
    /// Unknown fields are ignored; `model` may be anything, and `modelFromPath` (Azure's
    /// deployment) takes its place when given.
    /// - Throws: ``APIError`` 400 for a body that is not JSON, a missing `messages`/`prompt`, a
    ///   field of the wrong type, `max_tokens` < 1, `min_tokens` out of range or a
    ///   `response_format.json_schema.schema` the simulator cannot follow.
    static func parseOpenAI(
        kind: GenerationKind, body: [UInt8], modelFromPath: String?, profile: EngineProfile
    ) throws(APIError) -> InferenceRequest {
        let wire = try JSONBody.decode(OpenAIWireRequest.self, from: body)

        let promptTokens: Int
        let promptKey: String?
        switch kind {
        case .chat:
            guard let messages = wire.messages, !messages.isEmpty else {
                throw .invalidRequest("'messages' is required and must be a non-empty array", param: "messages")
            }
            promptTokens = messages.reduce(0) { $0 + ($1.content?.tokenCount ?? 0) }
            promptKey = messages.last(where: { $0.role == "user" })?.content?.plainText
        case .completion:
            guard let prompt = wire.prompt else {
                throw .invalidRequest("'prompt' is required", param: "prompt")
            }
            promptTokens = prompt.tokenCount
            if case .texts(let texts) = prompt, texts.count == 1 { promptKey = texts[0] } else { promptKey = nil }
        }

        let maxField = kind == .chat && wire.maxTokens == nil ? "max_completion_tokens" : "max_tokens"
        let requestedMax = wire.maxTokens ?? (kind == .chat ? wire.maxCompletionTokens : nil)
        let maxTokens = requestedMax ?? profile.defaultMaxTokens
        guard maxTokens >= 1 else {
            throw .invalidRequest("'\(maxField)' must be at least 1, got \(maxTokens)", param: maxField)
        }
        let minTokens = wire.minTokens ?? 0
        guard minTokens >= 0, minTokens <= maxTokens else {
            throw .invalidRequest(
                "'min_tokens' must be from 0 to max_tokens (\(maxTokens)), got \(minTokens)", param: "min_tokens")
        }

        return InferenceRequest(
            kind: kind,
            model: modelFromPath ?? wire.model,
            promptTokens: promptTokens,
            maxTokens: maxTokens,
            minTokens: minTokens,
            ignoreEOS: wire.ignoreEOS ?? false,
            stream: wire.stream ?? false,
            includeUsage: wire.streamOptions?.includeUsage ?? false,
            seed: wire.seed?.bits,
            promptKey: promptKey,
            outputSchema: kind == .chat ? try RequestedSchema.find(in: body, path: ["response_format", "json_schema", "schema"]) : nil
        )
    }
}

/// The request body as sent; field names are the wire's snake_case ones.
private struct OpenAIWireRequest: Decodable {
    var model: String?
    var messages: [Message]?
    var prompt: Prompt?
    var maxTokens: Int?
    var maxCompletionTokens: Int?
    var minTokens: Int?
    var stream: Bool?
    var streamOptions: StreamOptions?
    var ignoreEOS: Bool?
    var seed: WireSeed?

    enum CodingKeys: String, CodingKey {
        case model, messages, prompt, stream, seed
        case maxTokens = "max_tokens"
        case maxCompletionTokens = "max_completion_tokens"
        case minTokens = "min_tokens"
        case streamOptions = "stream_options"
        case ignoreEOS = "ignore_eos"
    }

    struct StreamOptions: Decodable {
        var includeUsage: Bool?

        enum CodingKeys: String, CodingKey {
            case includeUsage = "include_usage"
        }
    }

    struct Message: Decodable {
        var role: String?
        var content: WireText?
    }

    /// A completion `prompt`: a string, an array of strings, or pre-tokenized ids (one token each).
    enum Prompt: Decodable {
        case texts([String])
        case tokenIDs(Int)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .texts([text])
            } else if let texts = try? container.decode([String].self) {
                self = .texts(texts)
            } else if let ids = try? container.decode([Int].self) {
                self = .tokenIDs(ids.count)
            } else {
                self = .tokenIDs(try container.decode([[Int]].self).reduce(0) { $0 + $1.count })
            }
        }

        /// Prompt length in simulated tokens.
        var tokenCount: Int {
            switch self {
            case .texts(let texts): texts.reduce(0) { $0 + SimulatedTokenizer.countTokens($1) }
            case .tokenIDs(let count): count
            }
        }
    }
}
