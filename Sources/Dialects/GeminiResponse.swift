import Metrics

/// What repat reads from one Gemini `GenerateContentResponse`: a chunk of a
/// `streamGenerateContent` stream or a whole `generateContent` body. Unknown fields are skipped;
/// `null` reads as absent.
struct GeminiResponse {
    /// `candidates` was present (possibly empty).
    var hasCandidates = false
    /// Candidates with a part of non-empty `text` (thought parts, `"thought": true`, included).
    var tokenBearingCandidates = 0
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
            var bearsTokens = false
            try reader.beginObject()
            var isFirst = true
            while let key = try reader.nextKey(&isFirst) {
                if key.equals("content") {
                    bearsTokens = try Self.readContent(&reader) || bearsTokens
                } else if key.equals("finishReason") {
                    if !reader.consumeNull() {
                        finishReason = try reader.readString()
                    }
                } else {
                    try reader.skipValue()
                }
            }
            if bearsTokens {
                tokenBearingCandidates += 1
            }
        }
    }

    /// A candidate's `content`: whether one of its `parts` has non-empty `text`.
    private static func readContent(_ reader: inout JSONReader) throws(JSONReaderError) -> Bool {
        if reader.consumeNull() { return false }
        var bearsTokens = false
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            if key.equals("parts") {
                bearsTokens = try readParts(&reader) || bearsTokens
            } else {
                try reader.skipValue()
            }
        }
        return bearsTokens
    }

    /// A `parts` array: whether one part has non-empty `text`.
    private static func readParts(_ reader: inout JSONReader) throws(JSONReaderError) -> Bool {
        if reader.consumeNull() { return false }
        var bearsTokens = false
        try reader.beginArray()
        var isFirstPart = true
        while try reader.nextElement(&isFirstPart) {
            try reader.beginObject()
            var isFirst = true
            while let key = try reader.nextKey(&isFirst) {
                if key.equals("text") {
                    bearsTokens = try (reader.consumeNull() ? false : reader.readNonEmptyString()) || bearsTokens
                } else {
                    try reader.skipValue()
                }
            }
        }
        return bearsTokens
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
        if response.tokenBearingCandidates > 0 {
            recordToken(.answer, deltas: response.tokenBearingCandidates, at: time)
        }
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
