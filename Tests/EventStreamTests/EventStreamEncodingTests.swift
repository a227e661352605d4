import EventStream
import Testing

/// `{"foo": "bar"}`, the payload of the published sample frames below.
private let fooBar = Array(#"{"foo": "bar"}"#.utf8)

@Suite("Event-stream encoding")
struct EventStreamEncodingTests {
    // Sample frames published with the `event_stream` Hex package (0.1.0) documentation, which
    // zlib's crc32 reproduces.
    @Test("a message without headers encodes to the published 30-byte sample frame")
    func sampleWithoutHeaders() {
        let frame = EventStreamMessage(headers: [], payload: fooBar).encoded()
        #expect(frame == [0, 0, 0, 30, 0, 0, 0, 0, 186, 242, 246, 138] + fooBar + [174, 114, 88, 228])
    }

    @Test("a message with a string header encodes to the published 62-byte sample frame")
    func sampleWithContentType() {
        let frame = EventStreamMessage(
            headers: [EventStreamHeader("content-type", .string("application/json"))],
            payload: fooBar
        ).encoded()
        let header = [12] + Array("content-type".utf8) + [7, 0, 16] + Array("application/json".utf8)
        #expect(frame == [0, 0, 0, 62, 0, 0, 0, 32, 64, 93, 249, 70] + header + fooBar + [111, 162, 191, 59])
    }

    @Test("each header type has its wire type code and big-endian value bytes")
    func headerWireBytes() {
        let cases: [(EventStreamHeaderValue, [UInt8])] = [
            (.bool(true), [0]),
            (.bool(false), [1]),
            (.byte(-2), [2, 0xFE]),
            (.short(-2), [3, 0xFF, 0xFE]),
            (.int(0x0102_0304), [4, 1, 2, 3, 4]),
            (.long(-1), [5] + Array(repeating: 0xFF, count: 8)),
            (.bytes([9, 8]), [6, 0, 2, 9, 8]),
            (.string("hé"), [7, 0, 3, 0x68, 0xC3, 0xA9]),
            (.timestamp(1_000), [8, 0, 0, 0, 0, 0, 0, 0x03, 0xE8]),
            (.uuid(Array(0..<16)), [9] + Array(0..<16)),
        ]
        for (value, wire) in cases {
            let frame = EventStreamMessage(headers: [EventStreamHeader("k", value)], payload: []).encoded()
            #expect(Array(frame[12..<(frame.count - 4)]) == [1, 0x6B] + wire, "\(value)")
        }
    }

    @Test("header looks up the first header of a name, nil when absent")
    func headerLookup() {
        let message = EventStreamMessage(
            headers: [
                EventStreamHeader(":event-type", .string("first")),
                EventStreamHeader(":event-type", .string("second")),
            ],
            payload: []
        )
        #expect(message.header(":event-type") == .string("first"))
        #expect(message.header(":message-type") == nil)
    }
}
