import Workload

/// How the server should generate, beyond the prompt itself: the workload's settings, with the
/// target's own (Ollama's `keep_alive` and `num_ctx`, the reasoning it asks for).
public struct GenerationParameters: Sendable, Equatable {
    /// Ask for a streamed (server-sent events) response.
    public var stream: Bool
    /// When streaming, ask for a final usage chunk (`stream_options.include_usage`).
    public var includeUsage: Bool
    /// Sampling temperature; omitted from the request when `nil`.
    public var temperature: Double?
    /// Nucleus sampling mass (`top_p`, 0…1); omitted when `nil`.
    public var topP: Double?
    /// Sampling seed; omitted when `nil`.
    public var seed: Int?
    /// Keep generating past end-of-sequence until `max_tokens` (`ignore_eos`, a vLLM / SGLang /
    /// llama.cpp extension); sent only when `true`.
    public var ignoreEOS: Bool
    /// Minimum generated tokens (`min_tokens`, an extension); omitted when `nil`.
    public var minTokens: Int?
    /// Context window the server should allocate (Ollama's `options.num_ctx`); omitted when `nil`.
    public var contextWindow: Int?
    /// How long the server keeps the model loaded after the request (Ollama's `keep_alive`, e.g.
    /// `5m`, `-1`); omitted when `nil`.
    public var keepAlive: String?
    /// What to ask a reasoning model; each dialect sends the fields its API has (see
    /// ``ReasoningRequest``).
    public var reasoning: ReasoningRequest

    /// Creates parameters; the defaults stream with usage and leave sampling to the server.
    public init(
        stream: Bool = true,
        includeUsage: Bool = true,
        temperature: Double? = nil,
        topP: Double? = nil,
        seed: Int? = nil,
        ignoreEOS: Bool = false,
        minTokens: Int? = nil,
        contextWindow: Int? = nil,
        keepAlive: String? = nil,
        reasoning: ReasoningRequest = ReasoningRequest()
    ) {
        self.stream = stream
        self.includeUsage = includeUsage
        self.temperature = temperature
        self.topP = topP
        self.seed = seed
        self.ignoreEOS = ignoreEOS
        self.minTokens = minTokens
        self.contextWindow = contextWindow
        self.keepAlive = keepAlive
        self.reasoning = reasoning
    }
}
