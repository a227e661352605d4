extension InferenceRequest {
    /// Decodes and validates an Ollama `/api/chat` (`.chat`: `messages`) or `/api/generate`
    /// (`.completion`: `prompt` and `system`) body.
    ///
    /// Ollama streams unless `"stream": false`. `options.num_predict` bounds the output (a value
    /// ≤ 0, such as Ollama's −1 for "unlimited", means the profile's default), `options.seed`
    /// seeds it; `options.num_ctx`, other options and unknown fields are accepted and ignored.
    /// `keep_alive` is seconds or a Go duration string (negative: forever). A schema in `format` is
    /// followed (see ``SchemaAnswer``); `"format": "json"` is accepted and ignored.
    /// - Throws: ``APIError`` 400 for a body that is not JSON, a missing `model`, or a field of the
    ///   wrong type.
    static func parseOllama(kind: GenerationKind, body: [UInt8], profile: EngineProfile) throws(APIError)
        -> InferenceRequest
    {
        let wire = try JSONBody.decode(OllamaWireRequest.self, from: body)
        guard let model = wire.model, !model.isEmpty else {
            throw .invalidRequest("model is required", param: "model")
        }
        let promptTokens: Int
        switch kind {
        case .chat:
            promptTokens = (wire.messages ?? []).reduce(0) {
                $0 + SimulatedTokenizer.countTokens($1.content ?? "")
            }
        case .completion:
            promptTokens = SimulatedTokenizer.countTokens(wire.system ?? "")
                + SimulatedTokenizer.countTokens(wire.prompt ?? "")
        }
        let requested = wire.options?.numPredict ?? 0
        return InferenceRequest(
            kind: kind,
            model: model,
            promptTokens: promptTokens,
            maxTokens: requested > 0 ? requested : profile.defaultMaxTokens,
            stream: wire.stream ?? true,
            seed: wire.options?.seed?.bits,
            keepAlive: wire.keepAlive?.value,
            promptKey: kind == .chat ? wire.messages?.last(where: { $0.role == "user" })?.content : wire.prompt,
            outputSchema: try RequestedSchema.find(in: body, path: ["format"])
        )
    }
}

/// An Ollama request body; field names are the wire's snake_case ones.
private struct OllamaWireRequest: Decodable {
    var model: String?
    var messages: [Message]?
    var prompt: String?
    var system: String?
    var stream: Bool?
    var options: Options?
    var keepAlive: WireKeepAlive?

    enum CodingKeys: String, CodingKey {
        case model, messages, prompt, system, stream, options
        case keepAlive = "keep_alive"
    }

    struct Message: Decodable {
        var role: String?
        var content: String?
    }

    struct Options: Decodable {
        var numPredict: Int?
        var numCtx: Int?
        var seed: WireSeed?

        enum CodingKeys: String, CodingKey {
            case seed
            case numPredict = "num_predict"
            case numCtx = "num_ctx"
        }
    }
}

/// `keep_alive`: a number of seconds, or a Go duration string such as `"5m"`.
private struct WireKeepAlive: Decodable {
    var value: KeepAlive

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Double.self) {
            value = KeepAlive(seconds: seconds)
        } else if let parsed = KeepAlive(goDuration: try container.decode(String.self)) {
            value = parsed
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "keep_alive is neither seconds nor a duration such as 5m")
        }
    }
}
