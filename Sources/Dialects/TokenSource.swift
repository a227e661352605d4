/// Where an output-token count came from.
public enum TokenSource: String, Sendable, CaseIterable {
    /// The server's reported `usage.completion_tokens`.
    case usage
    /// Counted token-bearing stream deltas (one delta may hold several tokens).
    case deltas
}
