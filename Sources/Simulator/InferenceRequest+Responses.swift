extension InferenceRequest {
    /// Decodes and validates a Responses API body (`POST /v1/responses`) as OpenAI and vLLM take
    /// it: `input` (required: a string, or a list of input items whose `content` is a string or
    /// text parts; function-call outputs and arguments count as prompt too), `instructions`,
    /// `max_output_tokens`, `stream` (default false) and `text.format.schema` (followed, see
    /// ``SchemaAnswer``). Unknown fields are ignored.
    /// - Throws: ``APIError`` 400 for a body that is not JSON, a missing `input`, a field of the
    ///   wrong type, `max_output_tokens` < 1, or a schema the simulator cannot follow.
    static func parseResponses(body: [UInt8], profile: EngineProfile) throws(APIError) -> InferenceRequest {
        let wire = try JSONBody.decode(ResponsesWireRequest.self, from: body)
        let promptTokens: Int
        let promptKey: String?
        switch wire.input {
        case nil:
            throw .invalidRequest("'input' is required", param: "input")
        case .text(let text):
            promptTokens = SimulatedTokenizer.countTokens(text)
            promptKey = text
        case .items(let items):
            promptTokens = items.reduce(0) { $0 + $1.tokenCount }
            promptKey = items.last(where: { $0.role == "user" })?.content?.plainText
        }
        let maxTokens = wire.maxOutputTokens ?? profile.defaultMaxTokens
        guard maxTokens >= 1 else {
            throw .invalidRequest("'max_output_tokens' must be at least 1, got \(maxTokens)", param: "max_output_tokens")
        }
        return InferenceRequest(
            kind: .chat,
            model: wire.model,
            promptTokens: promptTokens + SimulatedTokenizer.countTokens(wire.instructions ?? ""),
            maxTokens: maxTokens,
            stream: wire.stream ?? false,
            promptKey: promptKey,
            outputSchema: try RequestedSchema.find(in: body, path: ["text", "format", "schema"])
        )
    }
}

/// A Responses API request body; field names are the wire's snake_case ones.
private struct ResponsesWireRequest: Decodable {
    var model: String?
    var input: Input?
    var instructions: String?
    var maxOutputTokens: Int?
    var stream: Bool?

    enum CodingKeys: String, CodingKey {
        case model, input, instructions, stream
        case maxOutputTokens = "max_output_tokens"
    }

    /// `input`: one user text, or a list of items.
    enum Input: Decodable {
        case text(String)
        case items([Item])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
            } else {
                self = .items(try container.decode([Item].self))
            }
        }
    }

    /// An input item: a message (`role` + `content`), a function call (`arguments`) or a
    /// function call's output (`output`).
    struct Item: Decodable {
        var role: String?
        var content: WireText?
        var arguments: String?
        var output: String?

        /// Prompt tokens the item contributes.
        var tokenCount: Int {
            (content?.tokenCount ?? 0) + SimulatedTokenizer.countTokens(arguments ?? "")
                + SimulatedTokenizer.countTokens(output ?? "")
        }
    }
}
