import Metrics

/// What repat reads from one OpenAI-style stream chunk or whole response body (chat or completions).
/// Unknown fields are skipped; `null` reads as absent.
struct OpenAIChunk {
    /// `choices` was present (possibly empty).
    var hasChoices = false
    /// Choices carrying output, one delta each, by kind: answer text (a non-empty `text`, or a
    /// `delta` / `message` with a non-empty `content`: a string or text content parts), reasoning
    /// (`reasoning_content`, `reasoning`, or Mistral's `thinking` content parts) or tool-call
    /// arguments (`tool_calls[].function.arguments` or its `name`).
    var deltas = DeltaTally()
    /// The last non-null `finish_reason` among the choices.
    var finishReason: String?
    /// `usage`, when present and not `null`.
    var usage: TokenUsage?
    /// llama.cpp's `timings`, when present.
    var timings: ServerTimings?
    /// The message of an `error` member (object with `message`/`type`, or a bare string as TGI sends).
    var errorMessage: String?

    /// Parses one JSON object.
    /// - Throws: ``JSONReaderError`` when `bytes` is not a JSON object of the expected shape.
    static func parse(_ bytes: some Collection<UInt8>) throws(JSONReaderError) -> OpenAIChunk {
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONReaderError) in try parse(buffer) }
        }
        if let result {
            return try result.get()
        }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { buffer throws(JSONReaderError) in try parse(buffer) }
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONReaderError) -> OpenAIChunk {
        var reader = JSONReader(buffer)
        var chunk = OpenAIChunk()
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            if key.equals("choices") {
                try chunk.readChoices(&reader)
            } else if key.equals("usage") {
                chunk.usage = try TokenUsage.read(&reader, keys: .chat)
            } else if key.equals("timings") {
                chunk.timings = try readTimings(&reader)
            } else if key.equals("error") {
                chunk.errorMessage = try reader.readErrorMember(fallbackKey: "type")
            } else {
                try reader.skipValue()
            }
        }
        try reader.expectEnd()
        return chunk
    }

    private mutating func readChoices(_ reader: inout JSONReader) throws(JSONReaderError) {
        if reader.consumeNull() { return }
        hasChoices = true
        try reader.beginArray()
        var isFirstChoice = true
        while try reader.nextElement(&isFirstChoice) {
            var content = DeltaContent()
            try reader.beginObject()
            var isFirst = true
            while let key = try reader.nextKey(&isFirst) {
                if key.equals("delta") || key.equals("message") {
                    content.merge(try Self.readMessage(&reader))
                } else if key.equals("text") {
                    content.merge(try Self.readText(&reader))
                } else if key.equals("finish_reason") {
                    if !reader.consumeNull() {
                        finishReason = try reader.readString()
                    }
                } else {
                    try reader.skipValue()
                }
            }
            deltas.add(content)
        }
    }

    /// A `delta` or `message`: which kinds of output it carries.
    private static func readMessage(_ reader: inout JSONReader) throws(JSONReaderError) -> DeltaContent {
        var content = DeltaContent()
        if reader.consumeNull() { return content }
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            if key.equals("content") {
                content.merge(try readText(&reader))
            } else if key.equals("reasoning_content") || key.equals("reasoning") {
                content.reasoning = try readText(&reader).kind != nil || content.reasoning
            } else if key.equals("tool_calls") {
                content.toolArguments = try readToolCalls(&reader) || content.toolArguments
            } else {
                try reader.skipValue()
            }
        }
        return content
    }

    /// A text value: `null`, a string (answer text), or content parts (Mistral:
    /// `[{"type":"text","text":…}]` is answer text, `{"type":"thinking","thinking":[…]}` reasoning).
    private static func readText(
        _ reader: inout JSONReader, depth: Int = 0, inThinking: Bool = false
    ) throws(JSONReaderError) -> DeltaContent {
        guard depth < 16 else { throw JSONReaderError() }
        var content = DeltaContent()
        switch reader.peek() {
        case .string:
            if try reader.readNonEmptyString() {
                if inThinking { content.reasoning = true } else { content.answer = true }
            }
        case .array:
            try reader.beginArray()
            var isFirst = true
            while try reader.nextElement(&isFirst) {
                content.merge(try readText(&reader, depth: depth + 1, inThinking: inThinking))
            }
        case .object:
            try reader.beginObject()
            var isFirst = true
            while let key = try reader.nextKey(&isFirst) {
                if key.equals("text") {
                    content.merge(try readText(&reader, depth: depth + 1, inThinking: inThinking))
                } else if key.equals("thinking") {
                    content.merge(try readText(&reader, depth: depth + 1, inThinking: true))
                } else {
                    try reader.skipValue()
                }
            }
        case .number, .literal, .end:
            try reader.skipValue()
        }
        return content
    }

    /// `tool_calls`: whether a call carries a non-empty `function.arguments` or `function.name`.
    private static func readToolCalls(_ reader: inout JSONReader) throws(JSONReaderError) -> Bool {
        if reader.consumeNull() { return false }
        var bearsArguments = false
        try reader.beginArray()
        var isFirstCall = true
        while try reader.nextElement(&isFirstCall) {
            try reader.beginObject()
            var isFirst = true
            while let key = try reader.nextKey(&isFirst) {
                guard key.equals("function") else {
                    try reader.skipValue()
                    continue
                }
                if reader.consumeNull() { continue }
                try reader.beginObject()
                var isFirstMember = true
                while let member = try reader.nextKey(&isFirstMember) {
                    if (member.equals("arguments") || member.equals("name")), reader.peek() == .string {
                        bearsArguments = try reader.readNonEmptyString() || bearsArguments
                    } else {
                        try reader.skipValue()
                    }
                }
            }
        }
        return bearsArguments
    }

    private static func readTimings(_ reader: inout JSONReader) throws(JSONReaderError) -> ServerTimings? {
        if reader.consumeNull() { return nil }
        var timings = ServerTimings()
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            if key.equals("prompt_n") {
                timings.promptTokens = try readOptionalInt(&reader)
            } else if key.equals("prompt_ms") {
                timings.promptMs = reader.consumeNull() ? nil : try reader.readDouble()
            } else if key.equals("predicted_n") {
                timings.predictedTokens = try readOptionalInt(&reader)
            } else if key.equals("predicted_ms") {
                timings.predictedMs = reader.consumeNull() ? nil : try reader.readDouble()
            } else {
                try reader.skipValue()
            }
        }
        return timings
    }


    private static func readOptionalInt(_ reader: inout JSONReader) throws(JSONReaderError) -> Int? {
        reader.consumeNull() ? nil : try reader.readInt()
    }
}

extension ResponseObservation {
    /// Folds one parsed chunk (or whole body) received at `time` (monotonic ns) into the observation.
    mutating func apply(_ chunk: OpenAIChunk, at time: UInt64) {
        record(chunk.deltas, at: time)
        if let reason = chunk.finishReason {
            finishReason = reason
        }
        if let usage = chunk.usage {
            self.usage = usage
        }
        if let timings = chunk.timings {
            serverTimings = timings
        }
        if let message = chunk.errorMessage {
            streamError = ErrorText.singleLine(message) ?? "error"
        }
    }
}
