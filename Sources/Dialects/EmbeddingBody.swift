/// What repat reads from an embeddings response body, in any of the shapes the embedding
/// dialects receive: OpenAI's `{"data":[{"embedding":[…]}…],"usage":{"prompt_tokens":…}}`,
/// Ollama's `{"embeddings":[[…]…],"prompt_eval_count":…,"total_duration":…}` and TEI's bare
/// `[[…]…]`. Only each vector's length is kept; unknown members are skipped, `null` reads as
/// absent.
struct EmbeddingBody: Equatable {
    /// The length of each embedding, in response order.
    var dimensions: [Int] = []
    /// Tokens embedded, as the server counted them (`usage.prompt_tokens`, else
    /// `usage.total_tokens`, or Ollama's `prompt_eval_count`).
    var promptTokens: Int?
    /// Ollama's `total_duration`, nanoseconds.
    var totalDurationNs: Double?
    /// Ollama's `load_duration`, nanoseconds.
    var loadDurationNs: Double?
    /// The `error` member's message, when the body is an error.
    var errorMessage: String?

    /// Parses a whole body.
    /// - Throws: ``JSONReaderError`` when it is not JSON of one of the shapes, or a vector holds
    ///   anything but numbers.
    static func parse(_ bytes: [UInt8]) throws(JSONReaderError) -> EmbeddingBody {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONReaderError) in try parse(buffer) }
        }
        return try result.get()
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONReaderError) -> EmbeddingBody {
        var reader = JSONReader(buffer)
        var body = EmbeddingBody()
        if reader.peek() == .array {
            body.dimensions = try readVectors(&reader)
        } else {
            try reader.beginObject()
            var isFirst = true
            while let key = try reader.nextKey(&isFirst) {
                if key.equals("data") {
                    body.dimensions = try readData(&reader)
                } else if key.equals("embeddings") {
                    body.dimensions = try readVectors(&reader)
                } else if key.equals("usage") {
                    body.promptTokens = try readUsage(&reader) ?? body.promptTokens
                } else if key.equals("prompt_eval_count") {
                    body.promptTokens = reader.consumeNull() ? body.promptTokens : try reader.readInt()
                } else if key.equals("total_duration") {
                    body.totalDurationNs = reader.consumeNull() ? nil : try reader.readDouble()
                } else if key.equals("load_duration") {
                    body.loadDurationNs = reader.consumeNull() ? nil : try reader.readDouble()
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

    /// OpenAI's `data`: objects each with an `embedding` vector.
    private static func readData(_ reader: inout JSONReader) throws(JSONReaderError) -> [Int] {
        var dimensions: [Int] = []
        try reader.beginArray()
        var isFirst = true
        while try reader.nextElement(&isFirst) {
            try reader.beginObject()
            var dimension: Int?
            var isFirstKey = true
            while let key = try reader.nextKey(&isFirstKey) {
                if key.equals("embedding") {
                    dimension = try readVector(&reader)
                } else {
                    try reader.skipValue()
                }
            }
            guard let dimension else { throw JSONReaderError() }
            dimensions.append(dimension)
        }
        return dimensions
    }

    /// An array of vectors: the length of each.
    private static func readVectors(_ reader: inout JSONReader) throws(JSONReaderError) -> [Int] {
        var dimensions: [Int] = []
        try reader.beginArray()
        var isFirst = true
        while try reader.nextElement(&isFirst) {
            dimensions.append(try readVector(&reader))
        }
        return dimensions
    }

    /// One vector of numbers: its length.
    private static func readVector(_ reader: inout JSONReader) throws(JSONReaderError) -> Int {
        var count = 0
        try reader.beginArray()
        var isFirst = true
        while try reader.nextElement(&isFirst) {
            guard reader.peek() == .number else { throw JSONReaderError() }
            try reader.skipValue()
            count += 1
        }
        return count
    }

    /// A `usage` object: `prompt_tokens`, else `total_tokens`.
    static func readUsage(_ reader: inout JSONReader) throws(JSONReaderError) -> Int? {
        if reader.consumeNull() { return nil }
        var prompt: Int?
        var total: Int?
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            if key.equals("prompt_tokens") {
                prompt = reader.consumeNull() ? nil : try reader.readInt()
            } else if key.equals("total_tokens") {
                total = reader.consumeNull() ? nil : try reader.readInt()
            } else {
                try reader.skipValue()
            }
        }
        return prompt ?? total
    }
}
