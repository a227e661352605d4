/// Token counts a server reported in its `usage` object. Each is `nil` when the server left it out.
public struct TokenUsage: Sendable, Equatable {
    /// Prompt tokens (`prompt_tokens`).
    public var promptTokens: Int?
    /// Generated tokens, reasoning included (`completion_tokens`).
    public var completionTokens: Int?
    /// Of the generated tokens, those spent reasoning (`completion_tokens_details.reasoning_tokens`).
    public var reasoningTokens: Int?

    /// Creates a usage record.
    public init(promptTokens: Int? = nil, completionTokens: Int? = nil, reasoningTokens: Int? = nil) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.reasoningTokens = reasoningTokens
    }
}
