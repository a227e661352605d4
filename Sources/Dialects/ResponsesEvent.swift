import Metrics

/// What repat reads from one JSON object of OpenAI's Responses API: the data of a streamed event
/// (`response.output_text.delta`, `response.completed`, `error`, …) or a whole non-streamed
/// `response` object. Unknown fields are skipped; `null` reads as absent.
struct ResponsesEvent {
    /// The `type` member (`response.output_text.delta`, `error`, …); absent in a whole body.
    var type: String?
    /// A non-empty `delta` string (text, reasoning or function-call arguments).
    var bearsDelta = false
    /// The response object: top-level in a body, `response` inside a lifecycle event.
    var response = ResponsesObject()
    /// An `error` event's `message` (else its `code`), else the response's ``ResponsesObject/errorMessage``.
    var errorMessage: String?

    /// The kind of output a delta event of `type` carries, or nil for an event that carries none:
    /// output text and refusals are answers, reasoning summaries and reasoning text reasoning,
    /// function-call arguments tool arguments.
    static func deltaKind(of type: String) -> DeltaKind? {
        switch type {
        case "response.output_text.delta", "response.refusal.delta": .answer
        case "response.reasoning_summary_text.delta", "response.reasoning_text.delta": .reasoning
        case "response.function_call_arguments.delta": .toolArguments
        default: nil
        }
    }

    /// Parses one JSON object.
    /// - Throws: ``JSONReaderError`` when `bytes` is not a JSON object of the expected shape.
    static func parse(_ bytes: ArraySlice<UInt8>) throws(JSONReaderError) -> ResponsesEvent {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONReaderError) in
                var reader = JSONReader(buffer)
                let event = try read(&reader)
                try reader.expectEnd()
                return event
            }
        }
        return try result.get()
    }

    private static func read(_ reader: inout JSONReader) throws(JSONReaderError) -> ResponsesEvent {
        var event = ResponsesEvent()
        var code: String?
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            if key.equals("type") {
                event.type = reader.consumeNull() ? nil : try reader.readString()
            } else if key.equals("delta"), reader.peek() == .string {
                event.bearsDelta = try reader.readNonEmptyString()
            } else if key.equals("response") {
                if !reader.consumeNull() { try event.response.read(&reader) }
            } else if key.equals("message"), reader.peek() == .string {
                event.errorMessage = try reader.readString()
            } else if key.equals("code"), reader.peek() == .string {
                code = try reader.readString()
            } else if try !event.response.readMember(key, &reader) {
                try reader.skipValue()
            }
        }
        if event.errorMessage?.isEmpty ?? true, let code, !code.isEmpty {
            event.errorMessage = code
        }
        event.errorMessage = event.errorMessage ?? event.response.errorMessage
        return event
    }
}

/// A Responses API `response` object: its status, why it is incomplete, its error, what its
/// `output` items hold and its usage.
struct ResponsesObject {
    /// `status`: `completed`, `incomplete`, `failed`, `in_progress`, …
    var status: String?
    /// `incomplete_details.reason` (`max_output_tokens`, `content_filter`).
    var incompleteReason: String?
    /// `error.message` (else its `code`) of a failed response.
    var errorMessage: String?
    /// `output` was present (possibly empty).
    var hasOutput = false
    /// Output items with visible text: a `message` with a non-empty `output_text` or `refusal` part.
    var answerItems = 0
    /// Output items with reasoning: a `reasoning` item with non-empty summary or content text.
    var reasoningItems = 0
    /// `function_call` output items.
    var functionCalls = 0
    /// `usage`: prompt = `input_tokens`, completion = `output_tokens` (reasoning included),
    /// reasoning = `output_tokens_details.reasoning_tokens`.
    var usage: TokenUsage?

    /// Reads a whole `response` object.
    mutating func read(_ reader: inout JSONReader) throws(JSONReaderError) {
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            if try !readMember(key, &reader) { try reader.skipValue() }
        }
    }

    /// Reads `key`'s value when it is a member this type keeps (and says so); leaves the reader
    /// before the value otherwise.
    mutating func readMember(_ key: UnsafeBufferPointer<UInt8>, _ reader: inout JSONReader) throws(JSONReaderError) -> Bool {
        if key.equals("status") {
            status = reader.consumeNull() ? nil : try reader.readString()
        } else if key.equals("incomplete_details") {
            incompleteReason = try Self.readMember(named: "reason", &reader)
        } else if key.equals("error") {
            errorMessage = try reader.readErrorMember(fallbackKey: "code")
        } else if key.equals("output") {
            try readOutput(&reader)
        } else if key.equals("usage") {
            usage = try TokenUsage.read(&reader, keys: .responses)
        } else {
            return false
        }
        return true
    }

    private mutating func readOutput(_ reader: inout JSONReader) throws(JSONReaderError) {
        if reader.consumeNull() { return }
        hasOutput = true
        try reader.beginArray()
        var isFirst = true
        while try reader.nextElement(&isFirst) {
            var type: String?
            var bearsText = false
            try reader.beginObject()
            var isFirstKey = true
            while let key = try reader.nextKey(&isFirstKey) {
                if key.equals("type") {
                    type = reader.consumeNull() ? nil : try reader.readString()
                } else if key.equals("content") || key.equals("summary") {
                    bearsText = try Self.readParts(&reader) || bearsText
                } else {
                    try reader.skipValue()
                }
            }
            switch type {
            case "message" where bearsText: answerItems += 1
            case "reasoning" where bearsText: reasoningItems += 1
            case "function_call": functionCalls += 1
            default: break
            }
        }
    }

    /// A list of parts (`output_text`, `refusal`, `summary_text`, `reasoning_text`): whether any
    /// has a non-empty `text` or `refusal`.
    private static func readParts(_ reader: inout JSONReader) throws(JSONReaderError) -> Bool {
        guard reader.peek() == .array else {
            try reader.skipValue()
            return false
        }
        var bearsText = false
        try reader.beginArray()
        var isFirst = true
        while try reader.nextElement(&isFirst) {
            guard reader.peek() == .object else {
                try reader.skipValue()
                continue
            }
            try reader.beginObject()
            var isFirstKey = true
            while let key = try reader.nextKey(&isFirstKey) {
                if key.equals("text") || key.equals("refusal"), reader.peek() == .string {
                    bearsText = try reader.readNonEmptyString() || bearsText
                } else {
                    try reader.skipValue()
                }
            }
        }
        return bearsText
    }

    /// The string member `name` of an object (or `null`).
    private static func readMember(named name: StaticString, _ reader: inout JSONReader) throws(JSONReaderError) -> String? {
        if reader.consumeNull() { return nil }
        var value: String?
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            if key.equals(name), reader.peek() == .string {
                value = try reader.readString()
            } else {
                try reader.skipValue()
            }
        }
        return value
    }
}
