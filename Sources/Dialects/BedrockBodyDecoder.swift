/// Decodes a non-streamed Bedrock `Converse` response: buffers the JSON body and reads
/// `output.message.content[]`, `stopReason`, `usage` and `metrics` at the end.
public struct BedrockBodyDecoder: ResponseDecoder, Sendable {
    private var body: [UInt8] = []
    /// When the last body bytes were read (monotonic ns), or `nil` before any.
    private var lastBytesAt: UInt64?

    /// Creates a decoder for one body.
    public init() {}

    /// Always false: a body's content counts only once it is complete.
    public var hasToken: Bool { false }

    /// Always false: a body ends with the transfer.
    public var sawEndMarker: Bool { false }

    /// Appends body bytes read at `receivedAt` (monotonic ns).
    public mutating func consume(_ bytes: [UInt8], receivedAt: UInt64) {
        body.append(contentsOf: bytes)
        lastBytesAt = receivedAt
    }

    /// Parses the body. A body with text gives one token time: when its last bytes arrived.
    ///
    /// ``ResponseObservation/sawEndMarker`` is set when the body has `output.message`; a body with
    /// only a `message` is an error and sets ``ResponseObservation/streamError``; any other body
    /// counts one parse error, an empty one none.
    public mutating func finish(at: UInt64) -> ResponseObservation {
        var observation = ResponseObservation()
        guard body.contains(where: { !OpenAIBodyDecoder.isJSONWhitespace($0) }) else { return observation }
        guard let response = try? BedrockPayload.parse(body) else {
            observation.parseErrors = 1
            return observation
        }
        if response.textBlocks > 0 {
            observation.deltaCount = 1
            observation.tokenTimes = [lastBytesAt ?? at]
        }
        observation.finishReason = response.stopReason
        observation.usage = response.usage
        observation.serverTimings = response.latencyMs.map { ServerTimings(totalMs: $0) }
        if response.hasOutputMessage {
            observation.sawEndMarker = true
        } else if let message = response.message {
            observation.streamError = ErrorText.singleLine(message) ?? "error"
        } else {
            observation.parseErrors = 1
        }
        return observation
    }
}
