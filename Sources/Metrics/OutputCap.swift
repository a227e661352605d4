/// How many output tokens a response may carry before repat calls it an ``Outcome/overrun``: the
/// request's `max_tokens` plus a margin for servers that count a token or two differently (an end
/// token, a final partial word): a quarter more, and at least 16.
///
/// Counted as the larger of the server's reported output tokens and the token-bearing deltas
/// received, so a server that under-reports its usage is still caught.
public enum OutputCap {
    /// The most output tokens a response to a request with `maxTokens` may carry.
    public static func limit(maxTokens: Int) -> Int {
        maxTokens + max(16, maxTokens / 4)
    }
}
