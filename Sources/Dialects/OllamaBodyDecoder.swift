/// Decodes a non-streamed response of Ollama's native API (`"stream": false`): one JSON object with
/// the whole text, `done`, `done_reason`, the counts and the durations. Buffers the body and parses
/// it at the end.
public struct OllamaBodyDecoder: ResponseDecoder, Sendable {
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
    /// ``ResponseObservation/sawEndMarker`` is set when the body says `done: true`; a body that is not
    /// such JSON counts one parse error; an empty body counts none.
    public mutating func finish(at: UInt64) -> ResponseObservation {
        var observation = ResponseObservation()
        guard body.contains(where: { !OpenAIBodyDecoder.isJSONWhitespace($0) }) else {
            return observation
        }
        guard let response = try? OllamaResponse.parse(body[...]) else {
            observation.parseErrors = 1
            return observation
        }
        observation.apply(response, at: lastBytesAt ?? at)
        if !response.done, response.errorMessage == nil {
            observation.parseErrors = 1
        }
        return observation
    }
}
