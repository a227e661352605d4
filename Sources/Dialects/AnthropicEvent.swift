/// What repat reads from one JSON object of Anthropic's Messages API: the data of a stream event
/// (`message_start`, `content_block_delta`, `message_delta`, `error`, …) or a whole non-streamed
/// body (a `message`, or an `error`). Unknown fields are skipped; `null` reads as absent.
struct AnthropicEvent {
    /// The `type` member (`message_start`, `content_block_delta`, `message`, `error`, …).
    var type: String?
    /// Generated output: a `delta` with a non-empty `text` (`text_delta`, answer), `thinking`
    /// (`thinking_delta`, reasoning) or `partial_json` (`input_json_delta`, tool-call arguments),
    /// or, in a body, `content` blocks with text, thinking or a `tool_use` block's `name`.
    /// Signature and citation deltas carry none.
    var content = DeltaContent()
    /// `content` was present (possibly empty): the object is a message.
    var hasContent = false
    /// `stop_reason`, top-level in a body or inside a `message_delta`'s `delta`.
    var stopReason: String?
    /// `usage`, top-level (`message_delta`, body) or inside `message_start`'s `message`.
    var usage: AnthropicUsage?
    /// The `error` member's `message` (else its `type`): `{"type":"error","error":{"type":…,"message":…}}`.
    var errorMessage: String?

    /// Parses one JSON object.
    /// - Throws: ``JSONReaderError`` when `bytes` is not a JSON object of the expected shape.
    static func parse(_ bytes: ArraySlice<UInt8>) throws(JSONReaderError) -> AnthropicEvent {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONReaderError) in
                var reader = JSONReader(buffer)
                let event = try read(&reader, nested: false)
                try reader.expectEnd()
                return event
            }
        }
        return try result.get()
    }

    /// Reads an event or message object; `message_start`'s nested `message` is read the same way,
    /// one level deep.
    private static func read(_ reader: inout JSONReader, nested: Bool) throws(JSONReaderError) -> AnthropicEvent {
        var event = AnthropicEvent()
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            if key.equals("type") {
                event.type = reader.consumeNull() ? nil : try reader.readString()
            } else if key.equals("delta") {
                try event.readBlock(&reader)
            } else if key.equals("content") {
                try event.readContent(&reader)
            } else if key.equals("stop_reason") {
                event.stopReason = reader.consumeNull() ? nil : try reader.readString()
            } else if key.equals("usage") {
                event.usage = try AnthropicUsage.read(&reader)
            } else if key.equals("message"), !nested, reader.peek() == .object {
                event.usage = try read(&reader, nested: true).usage ?? event.usage
            } else if key.equals("error") {
                event.errorMessage = try reader.readErrorMember(fallbackKey: "type")
            } else {
                try reader.skipValue()
            }
        }
        return event
    }

    /// A body's `content` array of blocks.
    private mutating func readContent(_ reader: inout JSONReader) throws(JSONReaderError) {
        if reader.consumeNull() { return }
        hasContent = true
        try reader.beginArray()
        var isFirst = true
        while try reader.nextElement(&isFirst) {
            try readBlock(&reader)
        }
    }

    /// A content block or a `delta`: its text, thinking or tool input, and a `message_delta`'s
    /// `stop_reason`.
    private mutating func readBlock(_ reader: inout JSONReader) throws(JSONReaderError) {
        if reader.consumeNull() { return }
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            if key.equals("text") {
                content.answer = try Self.readNonEmpty(&reader) || content.answer
            } else if key.equals("thinking") {
                content.reasoning = try Self.readNonEmpty(&reader) || content.reasoning
            } else if key.equals("partial_json") || key.equals("name") {
                content.toolArguments = try Self.readNonEmpty(&reader) || content.toolArguments
            } else if key.equals("stop_reason") {
                stopReason = reader.consumeNull() ? nil : try reader.readString()
            } else {
                try reader.skipValue()
            }
        }
    }

    /// A string (whether non-empty) or `null` (empty).
    /// - Throws: ``JSONReaderError`` for any other value.
    private static func readNonEmpty(_ reader: inout JSONReader) throws(JSONReaderError) -> Bool {
        reader.consumeNull() ? false : try reader.readNonEmptyString()
    }
}
