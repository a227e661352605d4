/// How one API's non-streamed response body is read: its parser and what a parsed body means.
protocol WholeBodyFormat {
    /// The parsed body.
    associatedtype Body

    /// Parses a complete, non-blank body.
    /// - Throws: when the body is not JSON of the API's shape (one parse error).
    static func parse(_ body: [UInt8]) throws -> Body

    /// Folds a parsed body into `observation`: its text as one token at `lastBytesAt`, usage,
    /// finish reason, and either the end marker (a complete response), a stream error (an error
    /// body) or one parse error (JSON of another shape).
    static func observe(_ body: Body, lastBytesAt: UInt64, into observation: inout ResponseObservation)
}

/// Decodes a non-streamed response: buffers the body and reads it once complete, as `Format` says.
/// An empty (or blank) body observes nothing; one that does not parse counts one parse error.
struct WholeBodyDecoder<Format: WholeBodyFormat>: ResponseDecoder, Sendable {
    private var body: [UInt8] = []
    /// When the last body bytes were read (monotonic ns), or `nil` before any.
    private var lastBytesAt: UInt64?

    /// Creates a decoder for one body.
    init() {}

    /// Appends body bytes (valid only during the call) read at `receivedAt` (monotonic ns).
    mutating func consume(_ bytes: UnsafeRawBufferPointer, receivedAt: UInt64) {
        body.append(contentsOf: bytes)
        lastBytesAt = receivedAt
    }

    /// Always false: a body's content counts only once it is complete.
    var hasToken: Bool { false }

    /// Always false: a body ends with the transfer.
    var sawEndMarker: Bool { false }

    /// The body so far.
    var heldBytes: Int { body.count }

    /// Drops the body: it is being abandoned for its size, and is then observed as empty.
    mutating func releaseHeld() {
        body = []
    }

    /// Always 0: a body's tokens count only once it is complete.
    var outputTokensSeen: Int { 0 }

    /// Reads the whole body; its text counts as one token, at the time its last bytes arrived.
    mutating func finish(at: UInt64) -> ResponseObservation {
        var observation = ResponseObservation()
        guard body.contains(where: { !OpenAIBodyDecoder.isJSONWhitespace($0) }) else { return observation }
        guard let parsed = try? Format.parse(body) else {
            observation.parseErrors = 1
            return observation
        }
        Format.observe(parsed, lastBytesAt: lastBytesAt ?? at, into: &observation)
        return observation
    }
}
