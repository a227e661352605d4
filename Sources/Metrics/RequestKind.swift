/// What a request asked the server for: the `request_kind` column. Only generations have tokens
/// streamed back, so TTFT, ITL and TPOT exist for them alone.
public enum RequestKind: String, Sendable, CaseIterable, Codable {
    /// Text generation (chat, completion, Responses API).
    case generation
    /// Embeddings of a batch of inputs.
    case embedding
    /// Relevance scores of documents against a query.
    case rerank
}
