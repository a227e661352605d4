/// One bucket of API usage as a provider bills it: the tokens and requests of one model over one
/// time slice (an hour of the OpenAI Usage API, a row of the generic usage CSV).
public struct UsageBucket: Sendable, Equatable {
    /// Start of the slice, seconds since 1970-01-01 UTC.
    public var start: Int
    /// Length of the slice, seconds.
    public var seconds: Int
    /// The model billed; empty when the export was not grouped by model.
    public var model: String
    /// Input tokens, cached ones included (as the providers count them).
    public var inputTokens: Double
    /// Input tokens served from the provider's prompt cache (billed at the cached price).
    public var cachedTokens: Double
    /// Output tokens (reasoning tokens included, as billed).
    public var outputTokens: Double
    /// Requests.
    public var requests: Double

    /// Creates a bucket.
    public init(start: Int, seconds: Int, model: String, inputTokens: Double, cachedTokens: Double, outputTokens: Double, requests: Double) {
        self.start = start
        self.seconds = seconds
        self.model = model
        self.inputTokens = inputTokens
        self.cachedTokens = cachedTokens
        self.outputTokens = outputTokens
        self.requests = requests
    }

    /// Whether the bucket counts nothing (an hour without traffic).
    public var isEmpty: Bool { inputTokens == 0 && outputTokens == 0 && requests == 0 }

    /// Input plus output tokens.
    public var tokens: Double { inputTokens + outputTokens }
}
