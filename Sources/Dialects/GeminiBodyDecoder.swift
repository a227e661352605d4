/// Decodes a non-streamed Gemini response (`generateContent`): one `GenerateContentResponse`.
/// Buffers the body and parses it at the end.
public struct GeminiBodyDecoder: ResponseDecoder, Sendable {
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

    /// Parses the body. A body with text gives one token time: when its last bytes arrived.
    /// ``ResponseObservation/sawEndMarker`` is set for a valid response (`candidates` or a prompt
    /// `blockReason`, no `error`); an error body is a stream error; other JSON or non-JSON counts one
    /// parse error; an empty body counts none.
    public mutating func finish(at: UInt64) -> ResponseObservation {
        var observation = ResponseObservation()
        guard body.contains(where: { !OpenAIBodyDecoder.isJSONWhitespace($0) }) else {
            return observation
        }
        guard let response = try? GeminiResponse.parse(body[...]) else {
            observation.parseErrors = 1
            return observation
        }
        observation.apply(response, at: lastBytesAt ?? at)
        if response.errorMessage == nil {
            if response.hasCandidates || response.blockReason != nil {
                observation.sawEndMarker = true
            } else {
                observation.parseErrors = 1
            }
        }
        return observation
    }
}
