/// The generation endpoints the simulator serves.
enum GenerationEndpoint: Sendable, Equatable {
    /// `POST /v1/chat/completions`.
    case chatCompletions
    /// `POST /v1/completions`.
    case completions
}

/// A validated generation request: what the engine model and the response encoder need,
/// with defaults from the ``EngineProfile`` already applied.
struct InferenceRequest: Sendable, Equatable {
    /// Which endpoint it came in on; decides the response shape.
    var endpoint: GenerationEndpoint
    /// The `model` field as sent, echoed in responses; nil when absent.
    var model: String?
    /// Prompt length in simulated tokens (words across all message contents, or in the prompt).
    var promptTokens: Int
    /// Upper bound on output tokens (≥ 1).
    var maxTokens: Int
    /// Output tokens before an early stop may happen (0 when not given).
    var minTokens: Int
    /// When true, exactly `maxTokens` tokens are produced.
    var ignoreEOS: Bool
    /// When true, the response is a server-sent event stream.
    var stream: Bool
    /// `stream_options.include_usage`: adds `"usage":null` to every chunk and a final usage chunk.
    var includeUsage: Bool
    /// The request's `seed` field (its bit pattern when negative); nil when absent.
    var seed: UInt64?
}
