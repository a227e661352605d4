/// One typed header of an event-stream message, such as `:event-type` = `contentBlockDelta`.
public struct EventStreamHeader: Sendable, Equatable {
    /// The header name: 1 to 255 bytes of UTF-8 (`:message-type`, `:event-type`, `:content-type`, …).
    public var name: String
    /// The typed value.
    public var value: EventStreamHeaderValue

    /// Creates a header.
    public init(_ name: String, _ value: EventStreamHeaderValue) {
        self.name = name
        self.value = value
    }
}
