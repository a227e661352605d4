extension InferenceRequest {
    /// Decodes and validates an Anthropic Messages body (`POST /v1/messages`): `model`,
    /// `max_tokens` and `messages` are required; `system` (a string or text blocks) counts toward
    /// the prompt; `stream` defaults to false. Sampling fields and unknown fields are ignored.
    /// - Throws: ``APIError`` 400 naming the field at fault, in Anthropic's `field: problem` style.
    static func parseAnthropic(body: [UInt8], profile: EngineProfile) throws(APIError) -> InferenceRequest {
        let wire = try JSONBody.decode(AnthropicWireRequest.self, from: body)
        guard let model = wire.model, !model.isEmpty else {
            throw .invalidRequest("model: Field required", param: "model")
        }
        guard let maxTokens = wire.maxTokens else {
            throw .invalidRequest("max_tokens: Field required", param: "max_tokens")
        }
        guard maxTokens >= 1 else {
            throw .invalidRequest("max_tokens: Input should be greater than or equal to 1", param: "max_tokens")
        }
        guard let messages = wire.messages else {
            throw .invalidRequest("messages: Field required", param: "messages")
        }
        guard !messages.isEmpty else {
            throw .invalidRequest("messages: at least one message is required", param: "messages")
        }
        let promptTokens = messages.reduce(wire.system?.tokenCount ?? 0) { $0 + ($1.content?.tokenCount ?? 0) }
        return InferenceRequest(
            kind: .chat, model: model, promptTokens: promptTokens, maxTokens: maxTokens, stream: wire.stream ?? false)
    }
}

/// An Anthropic Messages request body.
private struct AnthropicWireRequest: Decodable {
    var model: String?
    var maxTokens: Int?
    var messages: [Message]?
    var system: WireText?
    var stream: Bool?

    enum CodingKeys: String, CodingKey {
        case model, messages, system, stream
        case maxTokens = "max_tokens"
    }

    struct Message: Decodable {
        var role: String?
        var content: WireText?
    }
}
