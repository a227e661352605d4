/// Decodes a streamed Gemini response (`streamGenerateContent?alt=sse`): server-sent events whose
/// data is one `GenerateContentResponse` each. Gemini sends no `[DONE]`: the chunk with a
/// `finishReason` (or a prompt `blockReason`) is the end marker. An `{"error":…}` chunk is a stream
/// error.
struct GeminiStreamDecoder: FramedStreamDecoder, Sendable {
    /// The framing and the observation so far.
    var stream = FramedStream<SSEFraming>()

    /// Creates a decoder for one stream.
    init() {}

    /// Applies one event's chunk: its text as a token, usage, finish reason or error.
    mutating func handle(_ event: SSEEvent, at time: UInt64) {
        guard event.data.contains(where: { !OpenAIBodyDecoder.isJSONWhitespace($0) }) else { return }
        guard let chunk = try? GeminiResponse.parse(event.data[...]) else {
            stream.observation.parseErrors += 1
            return
        }
        stream.observation.apply(chunk, at: time)
    }
}
