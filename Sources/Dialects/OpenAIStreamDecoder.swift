/// Decodes a streamed OpenAI-style response: server-sent events whose data is one JSON chunk each,
/// ended by `data: [DONE]`.
///
/// A server that answers a streaming request with a plain JSON body (no events at all) is handled
/// too: that body is parsed as a non-streamed response at ``finish(at:)``.
struct OpenAIStreamDecoder: FramedStreamDecoder, Sendable {
    /// Largest body (bytes) kept for the plain-JSON fallback; bodies past it are not examined.
    private static let fallbackLimit = 8 << 20
    private static let doneMarker = Array("[DONE]".utf8)

    /// The framing and the observation so far.
    var stream = FramedStream<SSEFraming>()
    private var sawEvent = false
    /// The body so far, kept only until the first event arrives.
    private var fallbackBody: [UInt8]? = []

    /// Creates a decoder for one stream.
    init() {}

    /// Keeps the body for the plain-JSON fallback until the first event arrives (or it grows past
    /// ``fallbackLimit``).
    mutating func bodyArrived(_ bytes: UnsafeRawBufferPointer) {
        if !sawEvent, var body = fallbackBody {
            fallbackBody = nil
            if body.count + bytes.count <= Self.fallbackLimit {
                body.append(contentsOf: bytes)
                fallbackBody = body
            }
        }
    }

    /// Drops the event being assembled and the body kept for the fallback: the response is being
    /// abandoned for its size.
    mutating func releaseHeld() {
        stream.framing = SSEFraming()
        fallbackBody = nil
    }

    /// The observation; for a body that held no event but starts with `{`, what that body says as a
    /// non-streamed response (with the stream's parse errors added).
    mutating func finished(at time: UInt64) -> ResponseObservation {
        if !sawEvent, let body = fallbackBody, body.first(where: { !OpenAIBodyDecoder.isJSONWhitespace($0) }) == UInt8(ascii: "{") {
            var fromBody = OpenAIBodyDecoder.observe(body: body, at: time)
            fromBody.parseErrors += stream.observation.parseErrors
            return fromBody
        }
        return stream.observation
    }

    /// Applies one event's chunk; `[DONE]` is the end marker, an `error` event a stream error.
    mutating func handle(_ event: SSEEvent, at time: UInt64) {
        if !sawEvent {
            sawEvent = true
            fallbackBody = nil
        }
        let data = trimmed(event.data)
        if data.isEmpty {
            return
        }
        if data.elementsEqual(Self.doneMarker) {
            stream.observation.sawEndMarker = true
            return
        }
        guard let chunk = try? OpenAIChunk.parse(data) else {
            if event.event == "error" {
                stream.observation.streamError = ErrorText.singleLine(event.text) ?? "error"
            } else {
                stream.observation.parseErrors += 1
            }
            return
        }
        stream.observation.apply(chunk, at: time)
    }

    private func trimmed(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        var slice = bytes[...]
        while let first = slice.first, OpenAIBodyDecoder.isJSONWhitespace(first) {
            slice.removeFirst()
        }
        while let last = slice.last, OpenAIBodyDecoder.isJSONWhitespace(last) {
            slice.removeLast()
        }
        return slice
    }
}
