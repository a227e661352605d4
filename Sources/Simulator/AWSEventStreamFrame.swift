import EventStream

/// Frames stream events as AWS event-stream messages, with the headers Bedrock's runtime sends.
enum AWSEventStreamFrame {
    /// One complete message: `:event-type` (or `:exception-type`), `:content-type`
    /// `application/json` and `:message-type` `event` (or `exception`), then the JSON payload.
    static func encode(_ event: StreamEvent) -> [UInt8] {
        let name = event.name ?? ""
        let headers: [EventStreamHeader]
        switch event.kind {
        case .event:
            headers = [
                EventStreamHeader(":event-type", .string(name)),
                EventStreamHeader(":content-type", .string("application/json")),
                EventStreamHeader(":message-type", .string("event")),
            ]
        case .exception:
            headers = [
                EventStreamHeader(":exception-type", .string(name)),
                EventStreamHeader(":content-type", .string("application/json")),
                EventStreamHeader(":message-type", .string("exception")),
            ]
        }
        return EventStreamMessage(headers: headers, payload: Array(event.payload.utf8)).encoded()
    }
}
