import Metrics

/// A non-streamed Anthropic Messages response, read by ``WholeBodyDecoder``: one `message` object
/// with `content` blocks, `stop_reason` and `usage`, or an `error` object. Text or thinking counts
/// as one token; the end marker is set for a message (`content` present, no `error`); an error body
/// is a stream error; other JSON counts one parse error.
enum AnthropicBody: WholeBodyFormat {
    static func parse(_ body: [UInt8]) throws -> AnthropicEvent {
        try AnthropicEvent.parse(body[...])
    }

    static func observe(_ message: AnthropicEvent, lastBytesAt: UInt64, into observation: inout ResponseObservation) {
        if message.bearsTokens {
            observation.deltaCount = 1
            observation.tokens = TokenStamps([lastBytesAt])
        }
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
