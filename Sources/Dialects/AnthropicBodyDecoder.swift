/// Decodes a non-streamed Anthropic Messages response: one `message` object with `content` blocks,
/// `stop_reason` and `usage`, or an `error` object. Buffers the body and parses it at the end.
public struct AnthropicBodyDecoder: ResponseDecoder, Sendable {
    private var body: [UInt8] = []
    /// When the last body bytes were read (monotonic ns), or `nil` before any.
    private var lastBytesAt: UInt64?

    /// Creates a decoder for one body.
    public init() {}

    /// Appends body bytes read at `receivedAt` (monotonic ns).
    public mutating func consume(_ bytes: [UInt8], receivedAt: UInt64) {
        body.append(contentsOf: bytes)
        lastBytesAt = receivedAt
    }

    /// Always false: a body's content counts only once it is complete.
    public var hasToken: Bool { false }

    /// Always false: a body ends with the transfer.
    public var sawEndMarker: Bool { false }

    /// Parses the body. A body with text or thinking gives one token time: when its last bytes
    /// arrived. ``ResponseObservation/sawEndMarker`` is set for a message (`content` present, no
    /// `error`); an error body is a stream error; other JSON or non-JSON counts one parse error; an
    /// empty body counts none.
    public mutating func finish(at: UInt64) -> ResponseObservation {
        var observation = ResponseObservation()
        guard body.contains(where: { !OpenAIBodyDecoder.isJSONWhitespace($0) }) else {
            return observation
        }
        guard let message = try? AnthropicEvent.parse(body[...]) else {
            observation.parseErrors = 1
            return observation
        }
        if message.bearsTokens {
            observation.deltaCount = 1
            observation.tokenTimes = [lastBytesAt ?? at]
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
        return observation
    }
}
