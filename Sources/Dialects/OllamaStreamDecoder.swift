/// Decodes a streamed response of Ollama's native API: newline-delimited JSON, one object per line,
/// the last one with `done: true` and the server's counts and durations.
///
/// A line `{"error":"…"}` is a stream error (Ollama keeps the 200 status once streaming has begun).
/// A last line without its newline is still read at ``finish(at:)``, so a non-streamed body sent to
/// this decoder is read too.
public struct OllamaStreamDecoder: ResponseDecoder, Sendable {
    private var splitter = NDJSONLineSplitter()
    private var observation = ResponseObservation()

    /// Creates a decoder for one stream.
    public init() {}

    /// Splits the next stream bytes into lines; the lines they complete are stamped `receivedAt`
    /// (monotonic ns).
    public mutating func consume(_ bytes: [UInt8], receivedAt: UInt64) {
        splitter.append(bytes)
        while let line = splitter.nextLine() {
            handle(line, at: receivedAt)
        }
    }

    /// Whether a line with generated text has arrived so far.
    public var hasToken: Bool { !observation.tokenTimes.isEmpty }

    /// Whether the `done: true` line has arrived.
    public var sawEndMarker: Bool { observation.sawEndMarker }

    /// Ends the stream at `at` (monotonic ns); a last line without a newline is handled at that time.
    public mutating func finish(at: UInt64) -> ResponseObservation {
        if let line = splitter.finish() {
            handle(line, at: at)
        }
        return observation
    }

    private mutating func handle(_ line: ArraySlice<UInt8>, at time: UInt64) {
        guard line.contains(where: { !OpenAIBodyDecoder.isJSONWhitespace($0) }) else { return }
        guard let response = try? OllamaResponse.parse(line) else {
            observation.parseErrors += 1
            return
        }
        observation.apply(response, at: time)
    }
}
