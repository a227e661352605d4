/// One dispatched server-sent event.
public struct SSEEvent: Sendable, Equatable {
    /// The `event` field (event type), or `nil` when absent or empty (the spec's default `message`).
    public var event: String?
    /// The `data` lines joined with `\n`, as raw bytes (not necessarily valid UTF-8).
    public var data: [UInt8]
    /// The last event ID in effect when this event was dispatched (`id` persists across events),
    /// or `nil` when none was set.
    public var id: String?

    /// Creates an event from raw data bytes.
    public init(event: String? = nil, data: [UInt8], id: String? = nil) {
        self.event = event
        self.data = data
        self.id = id
    }

    /// Creates an event from text data.
    public init(event: String? = nil, text: String, id: String? = nil) {
        self.init(event: event, data: Array(text.utf8), id: id)
    }

    /// ``data`` decoded as UTF-8; invalid sequences become U+FFFD.
    public var text: String { String(decoding: data, as: UTF8.self) }
}
