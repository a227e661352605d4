extension InferenceRequest {
    /// Decodes and validates a Gemini `generateContent` / `streamGenerateContent` body: `contents`
    /// (required, non-empty), `systemInstruction`, and `generationConfig.maxOutputTokens` and
    /// `.seed`, and `generationConfig.responseSchema` (followed, see ``SchemaAnswer``; lowerCamelCase only). Field names are accepted in lowerCamelCase or snake_case, as Google's JSON mapping
    /// allows. The model comes from the path; streaming from the method.
    /// - Throws: ``APIError`` 400 for a body that is not JSON, missing `contents`, a field of the
    ///   wrong type or a `maxOutputTokens` below 1.
    static func parseGemini(body: [UInt8], route: GenerationRoute, profile: EngineProfile) throws(APIError)
        -> InferenceRequest
    {
        let wire = try JSONBody.decode(GeminiWireRequest.self, from: body)
        guard let contents = wire.contents, !contents.isEmpty else {
            throw .invalidRequest("* GenerateContentRequest.contents: contents is not specified", param: "contents")
        }
        let maxTokens = wire.generationConfig?.maxOutputTokens ?? profile.defaultMaxTokens
        guard maxTokens >= 1 else {
            throw .invalidRequest(
                "* GenerateContentRequest.generation_config.max_output_tokens: must be positive, got \(maxTokens)",
                param: "generationConfig.maxOutputTokens")
        }
        let promptTokens = contents.reduce(wire.systemInstruction?.tokenCount ?? 0) { $0 + $1.tokenCount }
        return InferenceRequest(
            kind: .chat, model: route.model, promptTokens: promptTokens, maxTokens: maxTokens,
            stream: route.streamByPath ?? false, seed: wire.generationConfig?.seed?.bits,
            outputSchema: try RequestedSchema.find(in: body, path: ["generationConfig", "responseSchema"], geminiTypes: true))
    }
}

/// A Gemini request body. Google's JSON mapping takes each field in lowerCamelCase or in its
/// proto snake_case name; both are decoded.
private struct GeminiWireRequest: Decodable {
    var contents: [Content]?
    var systemInstruction: Content?
    var generationConfig: GenerationConfig?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        contents = try container.either([Content].self, "contents", "contents")
        systemInstruction = try container.either(Content.self, "systemInstruction", "system_instruction")
        generationConfig = try container.either(GenerationConfig.self, "generationConfig", "generation_config")
    }

    struct Content: Decodable {
        var parts: [Part]?

        struct Part: Decodable {
            var text: String?
        }

        var tokenCount: Int {
            (parts ?? []).reduce(0) { $0 + SimulatedTokenizer.countTokens($1.text ?? "") }
        }
    }

    struct GenerationConfig: Decodable {
        var maxOutputTokens: Int?
        var seed: WireSeed?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            maxOutputTokens = try container.either(Int.self, "maxOutputTokens", "max_output_tokens")
            seed = try container.either(WireSeed.self, "seed", "seed")
        }
    }
}

/// A coding key for any field name.
private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where Key == AnyKey {
    /// The value under `camel`, else under `snake`; nil when neither is present (or null).
    fileprivate func either<T: Decodable>(_ type: T.Type, _ camel: String, _ snake: String) throws -> T? {
        if let value = try decodeIfPresent(T.self, forKey: AnyKey(camel)) { return value }
        return try decodeIfPresent(T.self, forKey: AnyKey(snake))
    }
}
