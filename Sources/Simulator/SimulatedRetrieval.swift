import RepatSupport

/// The simulator's deterministic embeddings and rerank scores: the same text always gets the same
/// vector and the same query and document the same score, whatever the request, run or order.
enum SimulatedRetrieval {
    /// The embedding of `text`: `dimension` components drawn from a generator seeded by the text
    /// and `seed`, scaled to unit length.
    static func embedding(of text: String, dimension: Int, seed: UInt64) -> [Double] {
        var generator = SeededGenerator(seed: SeededGenerator.derive(seed, Purpose.embedding, StableHash(text).value))
        var vector = (0..<dimension).map { _ in generator.nextUnitInterval() * 2 - 1 }
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm > 0 {
            for index in vector.indices { vector[index] /= norm }
        }
        return vector
    }

    /// The relevance of `document` to `query`, 0…1: the share of the query's distinct words
    /// (lower-cased) found in the document; 0 for a query without words.
    static func score(query: String, document: String) -> Double {
        let queryWords = words(query)
        guard !queryWords.isEmpty else { return 0 }
        let documentWords = words(document)
        return Double(queryWords.intersection(documentWords).count) / Double(queryWords.count)
    }

    /// The distinct lower-cased words of `text`.
    private static func words(_ text: String) -> Set<Substring> {
        Set(text.lowercased().split(whereSeparator: { $0.isWhitespace || $0.isPunctuation }))
    }

    /// Seed tags of the retrieval draws.
    private enum Purpose {
        static let embedding: UInt64 = 201
    }
}
