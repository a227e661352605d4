import NIOCore

/// How a dialect frames its stream on the wire, and the content type that says so.
enum StreamFraming: Sendable, Equatable {
    /// Server-sent events: an optional `event:` line, a `data:` line, a blank line; each line ends
    /// in `lineEnding` (`"\n"`, or `"\r\n"` as Google's APIs send).
    case serverSentEvents(lineEnding: String)
    /// Newline-delimited JSON, one object per line (Ollama).
    case jsonLines
    /// AWS's binary `application/vnd.amazon.eventstream` messages (Bedrock); see
    /// ``AWSEventStreamFrame``.
    case eventStream

    /// The stream's `Content-Type`.
    var contentType: String {
        switch self {
        case .serverSentEvents: "text/event-stream"
        case .jsonLines: "application/x-ndjson"
        case .eventStream: "application/vnd.amazon.eventstream"
        }
    }

    /// Appends `event`, framed, to `buffer`.
    func write(_ event: StreamEvent, to buffer: inout ByteBuffer) {
        switch self {
        case .serverSentEvents(let lineEnding):
            if let name = event.name {
                buffer.writeString("event: " + name + lineEnding)
            }
            buffer.writeString("data: ")
            buffer.writeString(event.payload)
            buffer.writeString(lineEnding + lineEnding)
        case .jsonLines:
            buffer.writeString(event.payload)
            buffer.writeString("\n")
        case .eventStream:
            buffer.writeBytes(AWSEventStreamFrame.encode(event))
        }
    }
}
