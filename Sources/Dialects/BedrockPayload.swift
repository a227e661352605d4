/// What repat reads from one Bedrock Converse JSON object: an event's payload in a ConverseStream
/// (`contentBlockDelta`, `messageStop`, `metadata`, an exception), or a whole `/converse` response
/// body. Unknown members (Bedrock pads events with `p`) are skipped; `null` reads as absent.
struct BedrockPayload {
    /// Text-bearing content: a `delta` whose `text` or `reasoningContent.text` is non-empty (one
    /// delta), or in a body the number of non-empty `output.message.content[]` text and reasoning
    /// blocks.
    var textBlocks = 0
    /// `output.message` was present: the body is a completed response.
    var hasOutputMessage = false
    /// `stopReason` (`end_turn`, `max_tokens`, `stop_sequence`, …).
    var stopReason: String?
    /// `usage.inputTokens` and `usage.outputTokens`, when `usage` is present.
    var usage: TokenUsage?
    /// `metrics.latencyMs`: the server's own time for the request, in milliseconds.
    var latencyMs: Double?
    /// `message` (or `Message`, as some AWS errors spell it): an exception's or error body's text.
    var message: String?

    /// Parses one JSON object.
    /// - Throws: ``JSONReaderError`` when `bytes` is not a JSON object of the expected shape.
    static func parse(_ bytes: [UInt8]) throws(JSONReaderError) -> BedrockPayload {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONReaderError) in
            var reader = JSONReader(buffer)
            var payload = BedrockPayload()
            try reader.beginObject()
            var isFirst = true
            while let key = try reader.nextKey(&isFirst) {
                try payload.read(key, from: &reader)
            }
            try reader.expectEnd()
            return payload
        }
    }

    private mutating func read(_ key: UnsafeBufferPointer<UInt8>, from reader: inout JSONReader) throws(JSONReaderError) {
        if reader.consumeNull() { return }
        if key.equals("delta") {
            textBlocks += try Self.readBlock(&reader) ? 1 : 0
        } else if key.equals("output") {
            try readOutput(&reader)
        } else if key.equals("stopReason") {
            stopReason = try reader.readString()
        } else if key.equals("usage") {
            usage = try Self.readUsage(&reader)
        } else if key.equals("metrics") {
            try Self.forEachMember(&reader) { key, reader throws(JSONReaderError) in
                if key.equals("latencyMs"), !reader.consumeNull() {
                    latencyMs = try reader.readDouble()
                } else {
                    try reader.skipValue()
                }
            }
        } else if key.equals("message") || key.equals("Message"), reader.peek() == .string {
            message = try reader.readString()
        } else {
            try reader.skipValue()
        }
    }

    /// `output`: `{"message":{"role":…,"content":[block, …]}}`.
    private mutating func readOutput(_ reader: inout JSONReader) throws(JSONReaderError) {
        try Self.forEachMember(&reader) { key, reader throws(JSONReaderError) in
            guard key.equals("message"), !reader.consumeNull() else {
                try reader.skipValue()
                return
            }
            hasOutputMessage = true
            try Self.forEachMember(&reader) { key, reader throws(JSONReaderError) in
                guard key.equals("content"), !reader.consumeNull() else {
                    try reader.skipValue()
                    return
                }
                try reader.beginArray()
                var isFirst = true
                while try reader.nextElement(&isFirst) {
                    textBlocks += try Self.readBlock(&reader) ? 1 : 0
                }
            }
        }
    }

    /// A content block or stream delta: whether its `text`, or its `reasoningContent`'s `text`
    /// (stream) or `reasoningText.text` (body), is non-empty. Tool use and other kinds are not text.
    private static func readBlock(_ reader: inout JSONReader, depth: Int = 0) throws(JSONReaderError) -> Bool {
        guard depth < 3 else { throw JSONReaderError() }
        var bearsText = false
        try forEachMember(&reader) { key, reader throws(JSONReaderError) in
            if key.equals("text"), reader.peek() == .string {
                bearsText = try reader.readNonEmptyString() || bearsText
            } else if key.equals("reasoningContent") || key.equals("reasoningText"),
                      reader.peek() == .object {
                bearsText = try readBlock(&reader, depth: depth + 1) || bearsText
            } else {
                try reader.skipValue()
            }
        }
        return bearsText
    }

    /// `usage`: `inputTokens` → prompt tokens, `outputTokens` → completion tokens.
    private static func readUsage(_ reader: inout JSONReader) throws(JSONReaderError) -> TokenUsage {
        var usage = TokenUsage()
        try forEachMember(&reader) { key, reader throws(JSONReaderError) in
            if key.equals("inputTokens") {
                usage.promptTokens = reader.consumeNull() ? nil : try reader.readInt()
            } else if key.equals("outputTokens") {
                usage.completionTokens = reader.consumeNull() ? nil : try reader.readInt()
            } else {
                try reader.skipValue()
            }
        }
        return usage
    }

    /// Walks the members of the object that comes next, handing each key to `body` positioned at
    /// its value (which `body` must consume).
    private static func forEachMember(
        _ reader: inout JSONReader,
        _ body: (UnsafeBufferPointer<UInt8>, inout JSONReader) throws(JSONReaderError) -> Void
    ) throws(JSONReaderError) {
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            try body(key, &reader)
        }
    }
}
