/// Server-sent events (`text/event-stream`), as OpenAI, Anthropic and Gemini stream: one frame per
/// event, an unterminated last event included (some servers omit the final blank line).
struct SSEFraming: ResponseFraming {
    private var parser = SSEParser()

    /// A framing at the start of a stream.
    init() {}

    /// Parses `bytes` in place; only a line they leave unfinished is copied.
    mutating func feed(_ bytes: UnsafeRawBufferPointer, into frames: inout [SSEEvent]) -> Int {
        bytes.withMemoryRebound(to: UInt8.self) { buffer in
            parser.feed(buffer) { frames.append($0) }
        }
        return 0
    }

    /// The unfinished line and the data lines of the event being built.
    var heldBytes: Int { parser.pendingBytes }

    /// Dispatches an event the stream ended inside of.
    mutating func finish(into frames: inout [SSEEvent]) -> Int {
        parser.finish(dispatchingIncomplete: true) { frames.append($0) }
        return 0
    }
}
