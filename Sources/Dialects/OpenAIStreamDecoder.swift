/// Decodes a streamed OpenAI-style response: server-sent events whose data is one JSON chunk each,
/// ended by `data: [DONE]`.
///
/// A server that answers a streaming request with a plain JSON body (no events at all) is handled
/// too: that body is parsed as a non-streamed response at ``finish(at:)``.
public struct OpenAIStreamDecoder: ResponseDecoder, Sendable {
    /// Largest body (bytes) kept for the plain-JSON fallback; bodies past it are not examined.
    private static let fallbackLimit = 8 << 20
    private static let doneMarker = Array("[DONE]".utf8)

    private var parser = SSEParser()
    private var observation = ResponseObservation()
    private var sawEvent = false
    /// The body so far, kept only until the first event arrives.
    private var fallbackBody: [UInt8]? = []
    /// Events completed by the current read, handled once the parser returns.
    private var completed: [SSEEvent] = []

    /// Creates a decoder for one stream.
    public init() {}

    /// Parses the next stream bytes; events they complete are stamped `receivedAt` (monotonic ns).
    public mutating func consume(_ bytes: [UInt8], receivedAt: UInt64) {
        if !sawEvent, var body = fallbackBody {
            fallbackBody = nil
            if body.count + bytes.count <= Self.fallbackLimit {
                body.append(contentsOf: bytes)
                fallbackBody = body
            }
        }
        var events = completed
        completed = []
        parser.feed(bytes) { events.append($0) }
        for event in events {
            handle(event, at: receivedAt)
        }
        events.removeAll(keepingCapacity: true)
        completed = events
    }

    /// Ends the stream at `at` (monotonic ns). An unterminated last event is still handled (some
    /// servers omit the final blank line).
    /// Whether a token-bearing event has arrived so far.
    public var hasToken: Bool { !observation.tokenTimes.isEmpty }

    /// Whether `data: [DONE]` has arrived.
    public var sawEndMarker: Bool { observation.sawEndMarker }

    public mutating func finish(at: UInt64) -> ResponseObservation {
        var events: [SSEEvent] = []
        parser.finish(dispatchingIncomplete: true) { events.append($0) }
        for event in events {
            handle(event, at: at)
        }
        if !sawEvent, let body = fallbackBody, body.first(where: { !OpenAIBodyDecoder.isJSONWhitespace($0) }) == UInt8(ascii: "{") {
            var fromBody = OpenAIBodyDecoder.observe(body: body, at: at)
            fromBody.parseErrors += observation.parseErrors
            return fromBody
        }
        return observation
    }

    private mutating func handle(_ event: SSEEvent, at time: UInt64) {
        if !sawEvent {
            sawEvent = true
            fallbackBody = nil
        }
        let data = trimmed(event.data)
        if data.isEmpty {
            return
        }
        if data.elementsEqual(Self.doneMarker) {
            observation.sawEndMarker = true
            return
        }
        guard let chunk = try? OpenAIChunk.parse(data) else {
            if event.event == "error" {
                observation.streamError = ErrorText.singleLine(event.text) ?? "error"
            } else {
                observation.parseErrors += 1
            }
            return
        }
        observation.apply(chunk, at: time)
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
