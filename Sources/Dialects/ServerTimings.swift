/// Server-side timings of one request as llama.cpp server reports them (`timings` on its final
/// chunk or body). Each is `nil` when absent.
public struct ServerTimings: Sendable, Equatable {
    /// Prompt processing (prefill) time in milliseconds (`prompt_ms`).
    public var promptMs: Double?
    /// Generation (decode) time in milliseconds (`predicted_ms`).
    public var predictedMs: Double?
    /// Prompt tokens processed, cached ones excluded (`prompt_n`).
    public var promptTokens: Int?
    /// Tokens generated (`predicted_n`).
    public var predictedTokens: Int?

    /// Creates a timings record.
    public init(promptMs: Double? = nil, predictedMs: Double? = nil, promptTokens: Int? = nil, predictedTokens: Int? = nil) {
        self.promptMs = promptMs
        self.predictedMs = predictedMs
        self.promptTokens = promptTokens
        self.predictedTokens = predictedTokens
    }
}
