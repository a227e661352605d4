import Metrics

/// What repat reads from one Gemini `GenerateContentResponse`: a chunk of a
/// `streamGenerateContent` stream or a whole `generateContent` body. Unknown fields are skipped;
/// `null` reads as absent.
struct GeminiResponse {
    /// `candidates` was present (possibly empty).
    var hasCandidates = false
    /// Candidates carrying output, one delta each, by kind: answer text (a part of non-empty
    /// `text`), reasoning (such a part marked `"thought": true`) or a tool call (a `functionCall`
    /// part, which Gemini sends whole).
    var deltas = DeltaTally()
    /// The last `finishReason` among the candidates (`STOP`, `MAX_TOKENS`, `SAFETY`, …).
    var finishReason: String?
    /// `promptFeedback.blockReason`: the prompt was blocked and no candidate will come.
    var blockReason: String?
    /// `usageMetadata`: prompt = `promptTokenCount`, completion = `candidatesTokenCount` +
    /// `thoughtsTokenCount` (those reported), reasoning = `thoughtsTokenCount`.
    var usage: TokenUsage?
    /// The `error` member's `message` (else its `status`): `{"error":{"code":…,"message":…,"status":…}}`.
    var errorMessage: String?

    /// Parses one JSON object.
    /// - Throws: ``JSONReaderError`` when `bytes` is not a JSON object of the expected shape.
    static func parse(_ bytes: ArraySlice<UInt8>) throws(JSONReaderError) -> GeminiResponse {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONReaderError) in try parse(buffer) }
        }
        return try result.get()
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONReaderError) -> GeminiResponse {
        var reader = JSONReader(buffer)
        var response = GeminiResponse()
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            if key.equals("candidates") {
                try response.readCandidates(&reader)
            } else if key.equals("usageMetadata") {
                response.usage = try readUsage(&reader)
            } else if key.equals("promptFeedback") {
                response.blockReason = try readBlockReason(&reader)
            } else if key.equals("error") {
                response.errorMessage = try reader.readErrorMember(fallbackKey: "status")
            } else {
                try reader.skipValue()
            }
        }
        try reader.expectEnd()
        return response
    }

    private mutating func readCandidates(_ reader: inout JSONReader) throws(JSONReaderError) {
        if reader.consumeNull() { return }
        hasCandidates = true
        try reader.beginArray()
        var isFirstCandidate = true
        while try reader.nextElement(&isFirstCandidate) {
            var content = DeltaContent()
            try reader.beginObject()
            var isFirst = true
            while let key = try reader.nextKey(&isFirst) {
                if key.equals("content") {
                    content.merge(try Self.readContent(&reader))
                } else if key.equals("finishReason") {
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

    /// A candidate's `content`: what its `parts` carry.
    private static func readContent(_ reader: inout JSONReader) throws(JSONReaderError) -> DeltaContent {
        var content = DeltaContent()
        if reader.consumeNull() { return content }
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            if key.equals("parts") {
                content.merge(try readParts(&reader))
            } else {
                try reader.skipValue()
            }
        }
        return content
    }

    /// A `parts` array: which parts have non-empty `text` (reasoning when `thought` is `true`, in
    /// whichever order the members come) and which a `functionCall`.
    private static func readParts(_ reader: inout JSONReader) throws(JSONReaderError) -> DeltaContent {
        var content = DeltaContent()
        if reader.consumeNull() { return content }
        try reader.beginArray()
        var isFirstPart = true
        while try reader.nextElement(&isFirstPart) {
            var hasText = false
            var isThought = false
            try reader.beginObject()
            var isFirst = true
            while let key = try reader.nextKey(&isFirst) {
                if key.equals("text") {
                    hasText = try (reader.consumeNull() ? false : reader.readNonEmptyString()) || hasText
                } else if key.equals("thought") {
                    isThought = reader.consumeNull() ? false : try reader.readBool()
                } else if key.equals("functionCall") {
                    if !reader.consumeNull() {
                        try reader.skipValue()
                        content.toolArguments = true
                    }
                } else {
                    try reader.skipValue()
                }
            }
            if hasText {
                if isThought { content.reasoning = true } else { content.answer = true }
            }
        }
        return content
    }

    private static func readUsage(_ reader: inout JSONReader) throws(JSONReaderError) -> TokenUsage? {
        if reader.consumeNull() { return nil }
        var prompt: Int?
        var candidates: Int?
        var thoughts: Int?
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            if key.equals("promptTokenCount") {
                prompt = reader.consumeNull() ? nil : try reader.readInt()
            } else if key.equals("candidatesTokenCount") {
                candidates = reader.consumeNull() ? nil : try reader.readInt()
            } else if key.equals("thoughtsTokenCount") {
                thoughts = reader.consumeNull() ? nil : try reader.readInt()
            } else {
                try reader.skipValue()
            }
        }
        let completion = candidates == nil && thoughts == nil ? nil : (candidates ?? 0) + (thoughts ?? 0)
        return TokenUsage(promptTokens: prompt, completionTokens: completion, reasoningTokens: thoughts)
    }

    private static func readBlockReason(_ reader: inout JSONReader) throws(JSONReaderError) -> String? {
        if reader.consumeNull() { return nil }
        var reason: String?
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            if key.equals("blockReason") {
                reason = reader.consumeNull() ? nil : try reader.readString()
            } else {
                try reader.skipValue()
            }
        }
        return reason
    }
}

extension ResponseObservation {
    /// Folds one Gemini chunk (or whole body) received at `time` (monotonic ns) into the
    /// observation. A `finishReason` or a prompt `blockReason` ends the response: Gemini sends no
    /// other end marker.
    mutating func apply(_ response: GeminiResponse, at time: UInt64) {
        record(response.deltas, at: time)
        if let reason = response.finishReason ?? response.blockReason {
            finishReason = reason
            if response.errorMessage == nil {
                sawEndMarker = true
            }
        }
        if let usage = response.usage {
            self.usage = usage
        }
        if let message = response.errorMessage {
            streamError = ErrorText.singleLine(message) ?? "error"
        }
    }
}
