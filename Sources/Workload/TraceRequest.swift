/// One request of a replayed trace: when it arrived and how long its prompt and answer were.
public struct TraceRequest: Sendable, Equatable {
    /// Arrival time, seconds after the trace's first request (before any speed-up).
    public var time: Double
    /// Prompt length, tokens (for a prompt given as text, the text's words).
    public var inputTokens: Int
    /// Answer length, tokens: the request's `max_tokens`.
    public var outputTokens: Int
    /// The prompt text, when the trace carries it; nil: a seeded synthetic prompt of `inputTokens`.
    public var prompt: String?
    /// Mooncake's block hashes: each stands for ``TraceFormat/blockTokens`` prompt tokens, and equal
    /// hashes are equal text, so requests sharing a prefix in production share it here.
    public var blockHashes: [Int]
    /// The conversation it belongs to, when the trace says.
    public var session: String?

    /// Creates a request.
    public init(time: Double, inputTokens: Int, outputTokens: Int, prompt: String? = nil, blockHashes: [Int] = [], session: String? = nil) {
        self.time = time
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.prompt = prompt
        self.blockHashes = blockHashes
        self.session = session
    }
}
