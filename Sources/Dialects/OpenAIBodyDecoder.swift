/// Decodes a non-streamed OpenAI-style response: buffers the body and parses it at the end.
public struct OpenAIBodyDecoder: ResponseDecoder, Sendable {
    private var body: [UInt8] = []
    /// When the last body bytes were read (monotonic ns), or `nil` before any.
    private var lastBytesAt: UInt64?

    /// Creates a decoder for one body.
    public init() {}

    /// Appends body bytes (valid only during the call) read at `receivedAt` (monotonic ns).
    public mutating func consume(_ bytes: UnsafeRawBufferPointer, receivedAt: UInt64) {
        body.append(contentsOf: bytes)
        lastBytesAt = receivedAt
    }

    /// Parses the body. A body with content gives one token time: when its last bytes arrived.
    /// Always false: a body's content counts only once it is complete.
    public var hasToken: Bool { false }

    /// Always false: a body ends with the transfer.
    public var sawEndMarker: Bool { false }

    /// The body so far.
    public var heldBytes: Int { body.count }

    /// Drops the body: it is being abandoned for its size, and is then observed as empty.
    public mutating func releaseHeld() {
        body = []
    }

    /// Always 0: a body's tokens count only once it is complete.
    public var outputTokensSeen: Int { 0 }

    public mutating func finish(at: UInt64) -> ResponseObservation {
        Self.observe(body: body, at: lastBytesAt ?? at)
    }

    /// Observes a complete body whose last bytes arrived at `time` (monotonic ns).
    ///
    /// ``ResponseObservation/sawEndMarker`` is set for a valid completion (`choices` present, no
    /// `error`); a body that is not such JSON counts one parse error; an empty body counts none.
    static func observe(body: [UInt8], at time: UInt64) -> ResponseObservation {
        var observation = ResponseObservation()
        guard body.contains(where: { !isJSONWhitespace($0) }) else {
            return observation
        }
        guard let response = try? OpenAIChunk.parse(body) else {
            observation.parseErrors = 1
            return observation
        }
        observation.apply(response, at: time)
        if response.errorMessage == nil {
            if response.hasChoices {
                observation.sawEndMarker = true
            } else {
                observation.parseErrors = 1
            }
        }
        return observation
    }

    static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
