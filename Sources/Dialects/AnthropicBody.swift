/// A non-streamed Anthropic Messages response, read by ``WholeBodyDecoder``: one `message` object
/// with `content` blocks, `stop_reason` and `usage`, or an `error` object. Text, thinking or a tool
/// call counts as one token (an answer unless it is thinking only); the end marker is set for a
/// message (`content` present, no `error`); an error body is a stream error; other JSON counts one
/// parse error.
enum AnthropicBody: WholeBodyFormat {
    static func parse(_ body: [UInt8]) throws -> AnthropicEvent {
        try AnthropicEvent.parse(body[...])
    }

    static func observe(_ message: AnthropicEvent, lastBytesAt: UInt64, into observation: inout ResponseObservation) {
        observation.recordBody(message.content, at: lastBytesAt)
        observation.finishReason = message.stopReason
        observation.usage = message.usage?.tokenUsage
        if let error = message.errorMessage {
            observation.streamError = ErrorText.singleLine(error) ?? "error"
        } else if message.hasContent {
            observation.sawEndMarker = true
        } else {
            observation.parseErrors = 1
        }
    }
}
