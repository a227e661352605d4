import EventStream
import Testing

/// A header of every value type, extremes included.
private let everyHeaderType: [EventStreamHeader] = [
    EventStreamHeader("true", .bool(true)),
    EventStreamHeader("false", .bool(false)),
    EventStreamHeader("byte", .byte(.min)),
    EventStreamHeader("short", .short(.max)),
    EventStreamHeader("int", .int(.min)),
    EventStreamHeader("long", .long(.max)),
    EventStreamHeader("bytes", .bytes([0, 0xFF, 0x80])),
    EventStreamHeader("string", .string("contentBlockDelta ✓")),
    EventStreamHeader("timestamp", .timestamp(1_440_938_160_000)),
    EventStreamHeader("uuid", .uuid(Array(200..<216))),
    EventStreamHeader("empty", .string("")),
]

/// Three messages of different shapes: every header type, headers only, payload only.
private let messages: [EventStreamMessage] = [
    EventStreamMessage(headers: everyHeaderType, payload: Array(#"{"a":1}"#.utf8)),
    EventStreamMessage(headers: [EventStreamHeader(":message-type", .string("event"))], payload: []),
    EventStreamMessage(headers: [], payload: Array(0...255)),
]

private let stream: [UInt8] = messages.flatMap { $0.encoded() }

@Suite("Event-stream decoder")
struct EventStreamDecoderTests {
    @Test("every header type round-trips through encode and decode")
    func roundTripEveryType() throws {
        for header in everyHeaderType {
            let message = EventStreamMessage(headers: [header], payload: [1, 2, 3])
            var decoder = EventStreamDecoder()
            #expect(try decoder.feed(message.encoded()) == [message])
            #expect(!decoder.hasPartialMessage)
        }
    }

    @Test("a multi-message stream decodes the same when split at every byte boundary")
    func everySplitPoint() throws {
        for cut in 0...stream.count {
            var decoder = EventStreamDecoder()
            let decoded = try decoder.feed(Array(stream[..<cut])) + decoder.feed(Array(stream[cut...]))
            #expect(decoded == messages, "cut at \(cut)")
            #expect(!decoder.hasPartialMessage)
        }
    }

    @Test("a stream fed one byte at a time yields each message on its last byte")
    func byteAtATime() throws {
        var decoder = EventStreamDecoder()
        var decoded: [EventStreamMessage] = []
        var completions: [Int] = []
        for (index, byte) in stream.enumerated() {
            let out = try decoder.feed([byte])
            if !out.isEmpty { completions.append(index + 1) }
            decoded += out
        }
        #expect(decoded == messages)
        let ends = messages.map { $0.encoded().count }.reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1) }
        #expect(completions == ends)
    }

    @Test("truncated input is a partial message, not an error")
    func truncatedIsPartial() throws {
        for cut in 1..<messages[0].encoded().count {
            var decoder = EventStreamDecoder()
            #expect(try decoder.feed(Array(stream[..<cut])).isEmpty)
            #expect(decoder.hasPartialMessage, "cut at \(cut)")
        }
        var decoder = EventStreamDecoder()
        #expect(try decoder.feed([]).isEmpty)
        #expect(!decoder.hasPartialMessage)
    }

    @Test("a corrupted prelude CRC is detected as soon as the prelude is complete")
    func corruptPreludeCRC() {
        var bytes = stream
        bytes[9] ^= 0x01
        var decoder = EventStreamDecoder()
        #expect(throws: EventStreamError.preludeChecksumMismatch) { try decoder.feed(Array(bytes[..<12])) }
    }

    @Test("a corrupted length field fails the prelude CRC")
    func corruptLength() {
        var bytes = stream
        bytes[2] ^= 0x10
        var decoder = EventStreamDecoder()
        #expect(throws: EventStreamError.preludeChecksumMismatch) { try decoder.feed(bytes) }
    }

    @Test("a flipped bit in headers, payload or message CRC fails the message CRC")
    func corruptMessageCRC() throws {
        let frame = messages[0].encoded()
        for index in [12, 20, frame.count - 6, frame.count - 1] {
            var bytes = frame
            bytes[index] ^= 0x40
            var decoder = EventStreamDecoder()
            #expect(throws: EventStreamError.messageChecksumMismatch, "byte \(index)") { try decoder.feed(bytes) }
        }
    }

    @Test("messages before a corrupt one are returned by earlier feeds; the decoder then stays failed")
    func failedStaysFailed() throws {
        let good = messages[1].encoded()
        var bad = messages[2].encoded()
        bad[bad.count - 1] ^= 0xFF
        var decoder = EventStreamDecoder()
        #expect(try decoder.feed(good) == [messages[1]])
        #expect(throws: EventStreamError.messageChecksumMismatch) { try decoder.feed(bad) }
        #expect(throws: EventStreamError.messageChecksumMismatch) { try decoder.feed(good) }
        #expect(!decoder.hasPartialMessage)
    }

    @Test("a total length under 16 or headers longer than the message are impossible lengths")
    func impossibleLengths() {
        for (total, headers) in [(UInt32(15), UInt32(0)), (20, 5), (0, 0)] {
            var decoder = EventStreamDecoder()
            #expect(throws: EventStreamError.invalidLengths(total: total, headers: headers)) {
                try decoder.feed(prelude(total: total, headers: headers))
            }
        }
    }

    @Test("a message longer than the limit is rejected from its prelude")
    func oversize() throws {
        var decoder = EventStreamDecoder(maxMessageBytes: 100)
        #expect(throws: EventStreamError.messageTooLarge(total: 101, limit: 100)) {
            try decoder.feed(prelude(total: 101, headers: 0))
        }
        var exact = EventStreamDecoder(maxMessageBytes: 100)
        let message = EventStreamMessage(headers: [], payload: Array(repeating: 7, count: 84))
        #expect(try exact.feed(message.encoded()) == [message])
    }

    @Test("malformed headers are reported: unknown type, cut value, empty name, bad UTF-8")
    func malformedHeaders() {
        let cases: [(headers: [UInt8], detail: String)] = [
            ([1, 0x61, 10], "unknown value type 10"),
            ([1, 0x61, 4, 0, 0], "truncated or invalid value of header 'a'"),
            ([1, 0x61, 7, 0, 5, 0x62], "truncated or invalid value of header 'a'"),
            ([1, 0x61, 7, 0, 1, 0xFF], "truncated or invalid value of header 'a'"),
            ([0, 0], "empty header name"),
            ([3, 0x61], "truncated header name"),
            ([1, 0xC3, 0], "header name is not UTF-8"),
            ([1, 0x61], "truncated header 'a'"),
        ]
        for (headers, detail) in cases {
            var decoder = EventStreamDecoder()
            do {
                _ = try decoder.feed(frame(rawHeaders: headers, payload: [1]))
                Issue.record("no error for \(headers)")
            } catch {
                #expect(error.description.hasPrefix("malformed event-stream headers: \(detail)"), "\(headers)")
            }
        }
    }

    @Test("errors describe themselves in one line")
    func descriptions() {
        let errors: [EventStreamError] = [
            .preludeChecksumMismatch, .messageChecksumMismatch, .invalidLengths(total: 3, headers: 9),
            .messageTooLarge(total: 200, limit: 100), .malformedHeaders("x"),
        ]
        #expect(Set(errors.map(\.description)).count == errors.count)
        #expect(errors.allSatisfy { !$0.description.contains("\n") && !$0.description.isEmpty })
        #expect(EventStreamError.invalidLengths(total: 3, headers: 9).description.contains("total 3, headers 9"))
    }
}

/// A prelude with a correct CRC over arbitrary lengths.
private func prelude(total: UInt32, headers: UInt32) -> [UInt8] {
    let lengths = bigEndian(total) + bigEndian(headers)
    return lengths + bigEndian(CRC32.checksum(lengths))
}

/// A frame with correct CRCs around hand-written header bytes.
private func frame(rawHeaders: [UInt8], payload: [UInt8]) -> [UInt8] {
    let start = prelude(total: UInt32(16 + rawHeaders.count + payload.count), headers: UInt32(rawHeaders.count))
    let body = start + rawHeaders + payload
    return body + bigEndian(CRC32.checksum(body))
}

private func bigEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
}
