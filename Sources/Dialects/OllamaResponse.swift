import Metrics

/// What repat reads from one object of Ollama's native API: a line of a streamed `/api/chat` or
/// `/api/generate` response, or a whole non-streamed body. Unknown fields are skipped; `null` reads
/// as absent.
struct OllamaResponse {
    /// What the object carries: answer text (a non-empty `message.content` in chat, `response` in
    /// generate), reasoning (`message.thinking`, `thinking`) or tool calls (a non-empty
    /// `message.tool_calls`, which Ollama sends whole).
    var content = DeltaContent()
    /// `done`: this is the final object of the response.
    var done = false
    /// `done_reason` (`stop`, `length`, `load`, …).
    var doneReason: String?
    /// `prompt_eval_count`: prompt tokens evaluated (count).
    var promptEvalCount: Int?
    /// `eval_count`: tokens generated (count).
    var evalCount: Int?
    /// `total_duration`, nanoseconds.
    var totalDuration: Double?
    /// `load_duration`, nanoseconds.
    var loadDuration: Double?
    /// `prompt_eval_duration`, nanoseconds.
    var promptEvalDuration: Double?
    /// `eval_duration`, nanoseconds.
    var evalDuration: Double?
    /// The `error` member: Ollama's `{"error":"…"}` (a string), or an object's `message`.
    var errorMessage: String?

    /// Token counts as ``TokenUsage``, or `nil` when the object reports neither count.
    var usage: TokenUsage? {
        guard promptEvalCount != nil || evalCount != nil else { return nil }
        return TokenUsage(promptTokens: promptEvalCount, completionTokens: evalCount)
    }

    /// The durations in milliseconds and the counts as ``ServerTimings``, or `nil` when the object
    /// reports none of them.
    var serverTimings: ServerTimings? {
        let timings = ServerTimings(
            totalMs: totalDuration.map(Self.milliseconds), loadMs: loadDuration.map(Self.milliseconds),
            promptMs: promptEvalDuration.map(Self.milliseconds), predictedMs: evalDuration.map(Self.milliseconds),
            promptTokens: promptEvalCount, predictedTokens: evalCount
        )
        return timings == ServerTimings() ? nil : timings
    }

    /// Parses one JSON object.
    /// - Throws: ``JSONReaderError`` when `bytes` is not a JSON object of the expected shape.
    static func parse(_ bytes: ArraySlice<UInt8>) throws(JSONReaderError) -> OllamaResponse {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONReaderError) in try parse(buffer) }
        }
        return try result.get()
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONReaderError) -> OllamaResponse {
        var reader = JSONReader(buffer)
        var response = OllamaResponse()
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            if key.equals("message") {
                response.content.merge(try readMessage(&reader))
            } else if key.equals("response") {
                response.content.answer = try readText(&reader) || response.content.answer
            } else if key.equals("thinking") {
                response.content.reasoning = try readText(&reader) || response.content.reasoning
            } else if key.equals("done") {
                response.done = reader.consumeNull() ? false : try reader.readBool()
            } else if key.equals("done_reason") {
                response.doneReason = reader.consumeNull() ? nil : try reader.readString()
            } else if key.equals("prompt_eval_count") {
                response.promptEvalCount = reader.consumeNull() ? nil : try reader.readInt()
            } else if key.equals("eval_count") {
                response.evalCount = reader.consumeNull() ? nil : try reader.readInt()
            } else if key.equals("total_duration") {
                response.totalDuration = reader.consumeNull() ? nil : try reader.readDouble()
            } else if key.equals("load_duration") {
                response.loadDuration = reader.consumeNull() ? nil : try reader.readDouble()
            } else if key.equals("prompt_eval_duration") {
                response.promptEvalDuration = reader.consumeNull() ? nil : try reader.readDouble()
            } else if key.equals("eval_duration") {
                response.evalDuration = reader.consumeNull() ? nil : try reader.readDouble()
            } else if key.equals("error") {
                response.errorMessage = try reader.readErrorMember(fallbackKey: nil)
            } else {
                try reader.skipValue()
            }
        }
        try reader.expectEnd()
        return response
    }

    /// A chat `message`: whether its `content` or `thinking` holds text, or its `tool_calls` a call.
    private static func readMessage(_ reader: inout JSONReader) throws(JSONReaderError) -> DeltaContent {
        var content = DeltaContent()
        if reader.consumeNull() { return content }
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            if key.equals("content") {
                content.answer = try readText(&reader) || content.answer
            } else if key.equals("thinking") {
                content.reasoning = try readText(&reader) || content.reasoning
            } else if key.equals("tool_calls"), reader.peek() == .array {
                content.toolArguments = try readNonEmptyArray(&reader) || content.toolArguments
            } else {
                try reader.skipValue()
            }
        }
        return content
    }

    /// An array: whether it has an element (each is skipped).
    private static func readNonEmptyArray(_ reader: inout JSONReader) throws(JSONReaderError) -> Bool {
        var count = 0
        try reader.beginArray()
        var isFirst = true
        while try reader.nextElement(&isFirst) {
            try reader.skipValue()
            count += 1
        }
        return count > 0
    }

    /// A string or `null`: whether it is non-empty text.
    private static func readText(_ reader: inout JSONReader) throws(JSONReaderError) -> Bool {
        reader.consumeNull() ? false : try reader.readNonEmptyString()
    }

    private static func milliseconds(_ nanoseconds: Double) -> Double {
        nanoseconds / 1_000_000
    }
}

extension ResponseObservation {
    /// Folds one Ollama object (a stream line or a whole body) received at `time` (monotonic ns)
    /// into the observation.
    mutating func apply(_ response: OllamaResponse, at time: UInt64) {
        var tally = DeltaTally()
        tally.add(response.content)
        record(tally, at: time)
        if let reason = response.doneReason {
            finishReason = reason
        }
        if let usage = response.usage {
            self.usage = usage
        }
        if let timings = response.serverTimings {
            serverTimings = timings
        }
        if let message = response.errorMessage {
            streamError = ErrorText.singleLine(message) ?? "error"
        }
        if response.done, response.errorMessage == nil {
            sawEndMarker = true
        }
    }
}
