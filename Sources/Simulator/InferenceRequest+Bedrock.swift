extension InferenceRequest {
    /// Decodes and validates a Bedrock `Converse` / `ConverseStream` body: `messages` (required,
    /// non-empty, content blocks of which `text` ones count), `system` text blocks, and
    /// `inferenceConfig.maxTokens`. The model comes from the path; streaming from the operation.
    /// - Throws: ``APIError`` 400 (a `ValidationException`) in AWS's "validation error" wording.
    static func parseBedrock(body: [UInt8], route: GenerationRoute, profile: EngineProfile) throws(APIError)
        -> InferenceRequest
    {
        let wire = try JSONBody.decode(BedrockWireRequest.self, from: body)
        guard let messages = wire.messages else {
            throw .invalidRequest(
                "1 validation error detected: Value null at 'messages' failed to satisfy constraint: "
                    + "Member must not be null", param: "messages")
        }
        guard !messages.isEmpty else {
            throw .invalidRequest(
                "A conversation must start with a user message. Try again with a conversation that starts with a "
                    + "user message.", param: "messages")
        }
        let maxTokens = wire.inferenceConfig?.maxTokens ?? profile.defaultMaxTokens
        guard maxTokens >= 1 else {
            throw .invalidRequest(
                "1 validation error detected: Value '\(maxTokens)' at 'inferenceConfig.maxTokens' failed to "
                    + "satisfy constraint: Member must have value greater than or equal to 1",
                param: "inferenceConfig.maxTokens")
        }
        let system = (wire.system ?? []).reduce(0) { $0 + SimulatedTokenizer.countTokens($1.text ?? "") }
        let promptTokens = messages.reduce(system) { total, message in
            (message.content ?? []).reduce(total) { $0 + SimulatedTokenizer.countTokens($1.text ?? "") }
        }
        return InferenceRequest(
            kind: .chat, model: route.model, promptTokens: promptTokens, maxTokens: maxTokens,
            stream: route.streamByPath ?? false)
    }
}

/// A Bedrock Converse request body.
private struct BedrockWireRequest: Decodable {
    var messages: [Message]?
    var system: [Block]?
    var inferenceConfig: InferenceConfig?

    struct Message: Decodable {
        var role: String?
        var content: [Block]?
    }

    /// A content or system block; only text blocks count.
    struct Block: Decodable {
        var text: String?
    }

    struct InferenceConfig: Decodable {
        var maxTokens: Int?
    }
}
