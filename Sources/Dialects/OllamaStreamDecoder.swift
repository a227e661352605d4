/// Decodes a streamed response of Ollama's native API: newline-delimited JSON, one object per line,
/// the last one with `done: true` and the server's counts and durations.
///
/// A line `{"error":"…"}` is a stream error (Ollama keeps the 200 status once streaming has begun).
/// A last line without its newline is still read at ``finish(at:)``, so a non-streamed body sent to
/// this decoder is read too.
struct OllamaStreamDecoder: FramedStreamDecoder, Sendable {
    /// The framing and the observation so far.
    var stream = FramedStream<NDJSONFraming>()

    /// Creates a decoder for one stream.
    init() {}

    /// Applies one line: its text as a token, and the final line's counts, durations and `done`.
    mutating func handle(_ line: ArraySlice<UInt8>, at time: UInt64) {
        guard line.contains(where: { !OpenAIBodyDecoder.isJSONWhitespace($0) }) else { return }
        guard let response = try? OllamaResponse.parse(line) else {
            stream.observation.parseErrors += 1
            return
        }
        stream.observation.apply(response, at: time)
    }
}
