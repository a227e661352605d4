/// Token counts from an Anthropic `usage` object. Each is `nil` when absent or `null`.
struct AnthropicUsage: Equatable {
    /// `input_tokens`: prompt tokens neither read from nor written to the prompt cache.
    var inputTokens: Int?
    /// `cache_read_input_tokens`: prompt tokens read from the prompt cache.
    var cacheReadInputTokens: Int?
    /// `cache_creation_input_tokens`: prompt tokens written to the prompt cache.
    var cacheCreationInputTokens: Int?
    /// `output_tokens`: generated tokens, thinking included.
    var outputTokens: Int?

    /// As ``TokenUsage``: the prompt is input plus cache-read plus cache-creation tokens (those
    /// reported), the completion the output tokens. `nil` when no count is reported.
    var tokenUsage: TokenUsage? {
        let promptParts = [inputTokens, cacheReadInputTokens, cacheCreationInputTokens].compactMap { $0 }
        let prompt = promptParts.isEmpty ? nil : promptParts.reduce(0, +)
        guard prompt != nil || outputTokens != nil else { return nil }
        return TokenUsage(promptTokens: prompt, completionTokens: outputTokens)
    }

    /// Takes every count `newer` reports, keeping the others (stream usage counts are cumulative).
    mutating func merge(_ newer: AnthropicUsage) {
        inputTokens = newer.inputTokens ?? inputTokens
        cacheReadInputTokens = newer.cacheReadInputTokens ?? cacheReadInputTokens
        cacheCreationInputTokens = newer.cacheCreationInputTokens ?? cacheCreationInputTokens
        outputTokens = newer.outputTokens ?? outputTokens
    }

    /// Reads a `usage` object (or `null`, read as `nil`); unknown members are skipped.
    static func read(_ reader: inout JSONReader) throws(JSONReaderError) -> AnthropicUsage? {
        if reader.consumeNull() { return nil }
        var usage = AnthropicUsage()
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            if key.equals("input_tokens") {
                usage.inputTokens = reader.consumeNull() ? nil : try reader.readInt()
            } else if key.equals("cache_read_input_tokens") {
                usage.cacheReadInputTokens = reader.consumeNull() ? nil : try reader.readInt()
            } else if key.equals("cache_creation_input_tokens") {
                usage.cacheCreationInputTokens = reader.consumeNull() ? nil : try reader.readInt()
            } else if key.equals("output_tokens") {
                usage.outputTokens = reader.consumeNull() ? nil : try reader.readInt()
            } else {
                try reader.skipValue()
            }
        }
        return usage
    }
}
