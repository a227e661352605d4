extension ResponseEncoder {
    /// The stream event for token `index` with a malformed or large fault of `faults` applied
    /// when `index` is the altered one (see ``FaultPlan/isCorrupted(index:isLast:)``).
    func tokenEvent(_ token: SampledToken, index: Int, faults: FaultPlan) -> String {
        guard FaultPlan.isCorrupted(index: index, isLast: token.finishReason != nil) else { return tokenEvent(token) }
        if faults.malformed { return malformedTokenEvent() }
        if let bytes = faults.largeEventBytes { return tokenEvent(token.enlarged(toBytes: bytes)) }
        return tokenEvent(token)
    }

    /// A token event whose data is JSON cut off where the token's text would start
    /// (`{"id":…,"choices":[{"index":0,"delta":{"content":`): invalid, but framed as a proper event.
    func malformedTokenEvent() -> String {
        var out = JSONWriter()
        out.raw(#"{"id":"#)
        out.string(id)
        out.raw(#","object":"\#(endpoint == .chatCompletions ? "chat.completion.chunk" : "text_completion")","#)
        out.raw(#""created":\#(created),"model":"#)
        out.string(model)
        out.raw(endpoint == .chatCompletions ? #","choices":[{"index":0,"delta":{"content":"# : #","choices":[{"index":0,"text":"#)
        return "data: " + out.text + "\n\n"
    }

    /// A stream event carrying `error` in OpenAI's shape, as vLLM sends a failure mid-stream.
    static func errorEvent(_ error: APIError) -> String {
        "data: " + error.jsonBody + "\n\n"
    }

    /// A non-streaming body made invalid JSON: `body` cut in half.
    static func malformedBody(_ body: String) -> String {
        String(decoding: body.utf8.prefix(body.utf8.count / 2), as: UTF8.self)
    }
}

extension SampledToken {
    /// The token with its text repeated and cut to exactly `bytes` UTF-8 bytes (the vocabulary is
    /// ASCII, so no character is split and JSON needs no escapes); the finish reason is kept.
    func enlarged(toBytes bytes: Int) -> SampledToken {
        let unit = Array(text.utf8)
        guard !unit.isEmpty, bytes > 0 else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(bytes)
        while out.count < bytes {
            out.append(contentsOf: unit.prefix(bytes - out.count))
        }
        return SampledToken(text: String(decoding: out, as: UTF8.self), finishReason: finishReason)
    }
}
