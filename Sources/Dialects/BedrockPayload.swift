/// What repat reads from one Bedrock Converse JSON object: an event's payload in a ConverseStream
/// (`contentBlockDelta`, `messageStop`, `metadata`, an exception), or a whole `/converse` response
/// body. Unknown members (Bedrock pads events with `p`) are skipped; `null` reads as absent.
struct BedrockPayload {
    /// What a stream `delta` carries, or in a body all of `output.message.content[]`: answer text
    /// (a non-empty `text`), reasoning (`reasoningContent.text` in a stream,
    /// `reasoningContent.reasoningText.text` in a body) or a tool call (`toolUse` with a non-empty
    /// `input` or `name`).
    var content = DeltaContent()
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
            content.merge(try Self.readBlock(&reader))
        } else if key.equals("output") {
            try readOutput(&reader)
        } else if key.equals("stopReason") {
            stopReason = try reader.readString()
        } else if key.equals("usage") {
            usage = try Self.readUsage(&reader)
        } else if key.equals("metrics") {
            try Self.forEachMember(&reader) { key, reader throws(JSONReaderError) in
                if key.equals("latencyMs") {
                    latencyMs = reader.consumeNull() ? nil : try reader.readDouble()
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
            guard key.equals("message") else {
                try reader.skipValue()
                return
            }
            if reader.consumeNull() { return }
            hasOutputMessage = true
            try Self.forEachMember(&reader) { key, reader throws(JSONReaderError) in
                guard key.equals("content") else {
                    try reader.skipValue()
                    return
                }
                if reader.consumeNull() { return }
                try reader.beginArray()
                var isFirst = true
                while try reader.nextElement(&isFirst) {
                    content.merge(try Self.readBlock(&reader))
                }
            }
        }
    }

    /// A content block or stream delta: whether its `text` (answer, or reasoning inside
    /// `reasoningContent` / `reasoningText`) is non-empty, and whether it holds a tool call.
    private static func readBlock(
        _ reader: inout JSONReader, depth: Int = 0, inReasoning: Bool = false
    ) throws(JSONReaderError) -> DeltaContent {
        guard depth < 3 else { throw JSONReaderError() }
        var content = DeltaContent()
        try forEachMember(&reader) { key, reader throws(JSONReaderError) in
            if key.equals("text"), reader.peek() == .string {
                if try reader.readNonEmptyString() {
                    if inReasoning { content.reasoning = true } else { content.answer = true }
                }
            } else if key.equals("reasoningContent") || key.equals("reasoningText"),
                      reader.peek() == .object {
                content.merge(try readBlock(&reader, depth: depth + 1, inReasoning: true))
            } else if key.equals("toolUse"), reader.peek() == .object {
                content.toolArguments = try readToolUse(&reader) || content.toolArguments
            } else {
                try reader.skipValue()
            }
        }
        return content
    }

    /// A `toolUse` block or delta: whether its `input` (a streamed JSON fragment, or a body's
    /// object) or its `name` is non-empty.
    private static func readToolUse(_ reader: inout JSONReader) throws(JSONReaderError) -> Bool {
        var bearsCall = false
        try forEachMember(&reader) { key, reader throws(JSONReaderError) in
            if key.equals("input") || key.equals("name"), reader.peek() == .string {
                bearsCall = try reader.readNonEmptyString() || bearsCall
            } else if key.equals("input"), reader.peek() == .object {
                try reader.skipValue()
                bearsCall = true
            } else {
                try reader.skipValue()
            }
        }
        return bearsCall
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
