/// A synthetic retrieval workload (`workload.embeddings`): each item is a query and a batch of
/// documents of generated text, sent to embedding targets (the documents, one request per item),
/// rerank targets (the query against the documents) and retrieval pipelines.
public struct EmbeddingWorkload: Sendable, Equatable {
    /// Documents per item: the inputs of one embedding request, the documents of one rerank
    /// (`batch_size`, 1…2048).
    public var batchSize: Int
    /// Length of each document, tokens (`input_tokens`, drawn per document).
    public var inputTokens: LengthDistribution
    /// Length of the query, tokens (`query_tokens`, default 16).
    public var queryTokens: LengthDistribution

    /// The largest `batch_size` accepted (the most inputs OpenAI's embeddings API takes at once).
    public static let maxBatchSize = 2048

    /// Creates a retrieval workload.
    public init(batchSize: Int, inputTokens: LengthDistribution, queryTokens: LengthDistribution = .fixed(16)) {
        self.batchSize = batchSize
        self.inputTokens = inputTokens
        self.queryTokens = queryTokens
    }
}
