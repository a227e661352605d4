/// Decodes a streamed Gemini response (`streamGenerateContent?alt=sse`): server-sent events whose
/// data is one `GenerateContentResponse` each. Gemini sends no `[DONE]`: the chunk with a
/// `finishReason` (or a prompt `blockReason`) is the end marker. An `{"error":…}` chunk is a stream
/// error.
public struct GeminiStreamDecoder: ResponseDecoder, Sendable {
    private var parser = SSEParser()
    private var observation = ResponseObservation()
    /// Events completed by the current read, handled once the parser returns.
    private var completed: [SSEEvent] = []

    /// Creates a decoder for one stream.
    public init() {}

    /// Parses the next stream bytes; events they complete are stamped `receivedAt` (monotonic ns).
    public mutating func consume(_ bytes: [UInt8], receivedAt: UInt64) {
        var events = completed
        completed = []
        parser.feed(bytes) { events.append($0) }
        for event in events {
            handle(event, at: receivedAt)
        }
        events.removeAll(keepingCapacity: true)
        completed = events
    }

    /// Whether a chunk with text has arrived so far.
    public var hasToken: Bool { !observation.tokenTimes.isEmpty }

    /// Whether a chunk with a `finishReason` (or `blockReason`) has arrived.
    public var sawEndMarker: Bool { observation.sawEndMarker }

    /// Ends the stream at `at` (monotonic ns). An unterminated last event is still handled.
    public mutating func finish(at: UInt64) -> ResponseObservation {
        var events: [SSEEvent] = []
        parser.finish(dispatchingIncomplete: true) { events.append($0) }
        for event in events {
            handle(event, at: at)
        }
        return observation
    }

    private mutating func handle(_ event: SSEEvent, at time: UInt64) {
        guard event.data.contains(where: { !OpenAIBodyDecoder.isJSONWhitespace($0) }) else { return }
        guard let chunk = try? GeminiResponse.parse(event.data[...]) else {
            observation.parseErrors += 1
            return
        }
        observation.apply(chunk, at: time)
    }
}
