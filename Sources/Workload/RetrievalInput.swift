/// The texts of a retrieval request: what an embedding request embeds, what a rerank scores
/// against what, and what a retrieval pipeline works from.
public struct RetrievalInput: Sendable, Hashable {
    /// The question: what a rerank scores the documents against, and what a pipeline embeds
    /// first and finally asks the generation target.
    public var query: String
    /// The documents: the inputs one embedding request embeds (its batch), or the documents a
    /// rerank scores against ``query``. Never empty.
    public var documents: [String]

    /// Creates the texts of one retrieval request.
    public init(query: String, documents: [String]) {
        self.query = query
        self.documents = documents
    }
}
