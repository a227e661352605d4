/// What repat reads from a rerank response body: vLLM's, Jina's and Cohere's
/// `{"results":[{"index":…,"relevance_score":…}…],"usage":{…}}`, or TEI's bare
/// `[{"index":…,"score":…}…]`. Unknown members (a result's `document`, `id`, `meta`) are skipped.
struct RerankBody: Equatable {
    /// One scored document.
    struct Score: Equatable {
        /// The document's position in the request.
        var index: Int
        /// Its relevance to the query (`relevance_score` or `score`).
        var score: Double
    }

    /// The scores, in response order (usually best first).
    var scores: [Score] = []
    /// Tokens the server counted (`usage.prompt_tokens`, else `usage.total_tokens`).
    var promptTokens: Int?
    /// The `error` member's message, when the body is an error.
    var errorMessage: String?

    /// Parses a whole body.
    /// - Throws: ``JSONReaderError`` when it is not JSON of one of the shapes, or a result lacks
    ///   its index or score.
    static func parse(_ bytes: [UInt8]) throws(JSONReaderError) -> RerankBody {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONReaderError) in try parse(buffer) }
        }
        return try result.get()
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONReaderError) -> RerankBody {
        var reader = JSONReader(buffer)
        var body = RerankBody()
        if reader.peek() == .array {
            body.scores = try readResults(&reader)
        } else {
            try reader.beginObject()
            var isFirst = true
            while let key = try reader.nextKey(&isFirst) {
                if key.equals("results") {
                    body.scores = try readResults(&reader)
                } else if key.equals("usage") {
                    body.promptTokens = try EmbeddingBody.readUsage(&reader)
                } else if key.equals("error") {
                    body.errorMessage = try reader.readErrorMember(fallbackKey: "type")
                } else {
                    try reader.skipValue()
                }
            }
        }
        try reader.expectEnd()
        return body
    }

    private static func readResults(_ reader: inout JSONReader) throws(JSONReaderError) -> [Score] {
        var scores: [Score] = []
        try reader.beginArray()
        var isFirst = true
        while try reader.nextElement(&isFirst) {
            var index: Int?
            var score: Double?
            try reader.beginObject()
            var isFirstKey = true
            while let key = try reader.nextKey(&isFirstKey) {
                if key.equals("index") {
                    index = try reader.readInt()
                } else if key.equals("relevance_score") || key.equals("score") {
                    score = try reader.readDouble()
                } else {
                    try reader.skipValue()
                }
            }
            guard let index, let score else { throw JSONReaderError() }
            scores.append(Score(index: index, score: score))
        }
        return scores
    }
}
