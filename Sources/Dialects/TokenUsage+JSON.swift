extension TokenUsage {
    /// The member names of a usage object in OpenAI's two shapes.
    struct Keys {
        /// Prompt tokens.
        var prompt: StaticString
        /// Generated tokens, reasoning included.
        var completion: StaticString
        /// The object holding `reasoning_tokens`.
        var details: StaticString

        /// Chat and completions: `prompt_tokens`, `completion_tokens`, `completion_tokens_details`.
        static let chat = Keys(prompt: "prompt_tokens", completion: "completion_tokens", details: "completion_tokens_details")
        /// The Responses API: `input_tokens`, `output_tokens`, `output_tokens_details`.
        static let responses = Keys(prompt: "input_tokens", completion: "output_tokens", details: "output_tokens_details")
    }

    /// Reads a usage object named by `keys` (or `null`, read as nil); a `null` count or details
    /// object reads as absent, other members are skipped.
    static func read(_ reader: inout JSONReader, keys: Keys) throws(JSONReaderError) -> TokenUsage? {
        if reader.consumeNull() { return nil }
        var usage = TokenUsage()
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            if key.equals(keys.prompt) {
                usage.promptTokens = reader.consumeNull() ? nil : try reader.readInt()
            } else if key.equals(keys.completion) {
                usage.completionTokens = reader.consumeNull() ? nil : try reader.readInt()
            } else if key.equals(keys.details) {
                usage.reasoningTokens = try readReasoningTokens(&reader)
            } else {
                try reader.skipValue()
            }
        }
        return usage
    }

    /// A details object's `reasoning_tokens` (nil when it or the object is `null` or absent).
    private static func readReasoningTokens(_ reader: inout JSONReader) throws(JSONReaderError) -> Int? {
        if reader.consumeNull() { return nil }
        var tokens: Int?
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            if key.equals("reasoning_tokens") {
                tokens = reader.consumeNull() ? nil : try reader.readInt()
            } else {
                try reader.skipValue()
            }
        }
        return tokens
    }
}
