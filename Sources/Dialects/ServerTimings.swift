/// Server-side timings of one request: llama.cpp server's `timings` (on its final chunk or body) or
/// Ollama's durations (on its final message). Each is `nil` when absent.
public struct ServerTimings: Sendable, Equatable {
    /// Whole request time on the server in milliseconds (Ollama's `total_duration`).
    public var totalMs: Double?
    /// Time spent loading the model in milliseconds (Ollama's `load_duration`).
    public var loadMs: Double?
    /// Prompt processing (prefill) time in milliseconds (`prompt_ms`; Ollama's `prompt_eval_duration`).
    public var promptMs: Double?
    /// Generation (decode) time in milliseconds (`predicted_ms`; Ollama's `eval_duration`).
    public var predictedMs: Double?
    /// Prompt tokens processed, cached ones excluded (`prompt_n`; Ollama's `prompt_eval_count`).
    public var promptTokens: Int?
    /// Tokens generated (`predicted_n`; Ollama's `eval_count`).
    public var predictedTokens: Int?

    /// Creates a timings record.
    public init(
        totalMs: Double? = nil, loadMs: Double? = nil, promptMs: Double? = nil, predictedMs: Double? = nil,
        promptTokens: Int? = nil, predictedTokens: Int? = nil
    ) {
        self.totalMs = totalMs
        self.loadMs = loadMs
        self.promptMs = promptMs
        self.predictedMs = predictedMs
        self.promptTokens = promptTokens
        self.predictedTokens = predictedTokens
    }
}
