/// One unit of a streamed response before framing: an SSE event, an NDJSON line, or an
/// event-stream message. ``StreamFraming`` turns it into bytes.
struct StreamEvent: Sendable, Equatable {
    /// Whether the event carries data or reports a failure (AWS event streams tell them apart).
    enum Kind: Sendable, Equatable {
        /// A normal event.
        case event
        /// An error reported inside the stream.
        case exception
    }

    /// The SSE `event:` name, or the event-stream event or exception type; nil for unnamed SSE
    /// events and NDJSON lines.
    var name: String?
    /// The event's data: JSON, or OpenAI's `[DONE]`.
    var payload: String
    /// A normal event or an in-stream error.
    var kind = Kind.event

    /// The event with its payload cut off just before the JSON string `text` last starts (or in
    /// half when `text` does not appear): invalid JSON, still framed as a proper event. This is
    /// how a malformed-event fault breaks the token event carrying `text`.
    func truncated(before text: String) -> StreamEvent {
        let bytes = Array(payload.utf8)
        let needle = Array(("\"" + text).utf8)
        var cut = bytes.count / 2
        if needle.count <= bytes.count {
            for start in stride(from: bytes.count - needle.count, through: 0, by: -1)
            where bytes[start..<(start + needle.count)].elementsEqual(needle) {
                cut = start
                break
            }
        }
        var copy = self
        copy.payload = String(decoding: bytes[..<cut], as: UTF8.self)
        return copy
    }
}
