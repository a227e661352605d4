import Dialects
import Testing

/// A stream exercising every rule: BOM, comments, all three line endings, multi-line data,
/// event/id/retry fields, unknown fields, a data-less event, an empty data line, a field without a
/// colon, non-UTF-8 bytes and a value whose leading space is kept past the first.
private let realisticStream: [UInt8] =
    [0xEF, 0xBB, 0xBF]
    + Array(": welcome comment\r\n".utf8)
    + Array("retry: 1500\n".utf8)
    + Array("event: message\r\nid: 1\r\ndata: {\"a\":1}\r\n\r\n".utf8)
    + Array("data: line one\rdata: line two\r\rdata:  two spaces\n\n".utf8)
    + Array("id: 7\nevent: ping\nunknown: ignored\n\n".utf8)
    + Array(": keep-alive\n\ndata\n\n".utf8)
    + Array("data:no-space\ndata: \n\r\n".utf8)
    + Array("event: bytes\ndata: ".utf8) + [0xFF, 0xFE, 0x41] + Array("\n\n".utf8)
    + Array("data: [DONE]\n\n".utf8)

private let expectedEvents: [SSEEvent] = [
    SSEEvent(event: "message", text: "{\"a\":1}", id: "1"),
    SSEEvent(event: nil, text: "line one\nline two", id: "1"),
    SSEEvent(event: nil, text: " two spaces", id: "1"),
    SSEEvent(event: nil, text: "", id: "7"),
    SSEEvent(event: nil, text: "no-space\n", id: "7"),
    SSEEvent(event: "bytes", data: [0xFF, 0xFE, 0x41], id: "7"),
    SSEEvent(event: nil, text: "[DONE]", id: "7"),
]

private func parse(_ feeds: [ArraySlice<UInt8>]) -> [SSEEvent] {
    var parser = SSEParser()
    var events: [SSEEvent] = []
    for feed in feeds {
        parser.feed(feed) { events.append($0) }
    }
    parser.finish { events.append($0) }
    return events
}

@Suite("SSE parser")
struct SSEParserTests {
    @Test("one feed of a realistic stream yields the expected events")
    func oneFeed() {
        #expect(parse([realisticStream[...]]) == expectedEvents)
    }

    @Test("splitting the stream at every byte boundary yields the same events")
    func everySplit() {
        for split in 0...realisticStream.count {
            let events = parse([realisticStream[..<split], realisticStream[split...]])
            #expect(events == expectedEvents, "split at \(split)")
        }
    }

    @Test("feeding one byte at a time yields the same events")
    func byteAtATime() {
        let feeds = realisticStream.indices.map { realisticStream[$0...$0] }
        #expect(parse(feeds) == expectedEvents)
    }

    @Test("the retry field sets the reconnection time in milliseconds")
    func retry() {
        var parser = SSEParser()
        parser.feed(Array("retry: 1500\nretry: x1\n\n".utf8)) { _ in }
        #expect(parser.retryMilliseconds == 1500)
    }

    @Test("a CR at the end of one feed and an LF at the start of the next are one line ending")
    func splitCRLF() {
        let events = parse([Array("data: a\r".utf8)[...], Array("\ndata: b\r\n\r\n".utf8)[...]])
        #expect(events == [SSEEvent(text: "a\nb")])
    }

    @Test("an event without a blank line before the end is discarded, or dispatched when asked")
    func incompleteEvent() {
        var parser = SSEParser()
        var events: [SSEEvent] = []
        parser.feed(Array("data: x\n\ndata: tail".utf8)) { events.append($0) }
        var lenient = parser
        parser.finish { events.append($0) }
        #expect(events == [SSEEvent(text: "x")])
        var lenientEvents: [SSEEvent] = []
        lenient.finish(dispatchingIncomplete: true) { lenientEvents.append($0) }
        #expect(lenientEvents == [SSEEvent(text: "tail")])
    }

    @Test("a stream starting with part of a byte-order mark keeps those bytes")
    func partialByteOrderMark() {
        let bytes: [UInt8] = [0xEF, 0xBB] + Array("data: x\n\n".utf8)
        // The partial mark forms a field name that is not "data": the event has no data.
        #expect(parse([bytes[...]]).isEmpty)
        let afterMark: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("data: x\n\n".utf8)
        #expect(parse([afterMark[...]]) == [SSEEvent(text: "x")])
    }

    @Test("a multi-megabyte event fed in small pieces arrives whole and in linear time")
    func largeEvent() {
        let payload = [UInt8](repeating: UInt8(ascii: "x"), count: 4 << 20)
        let stream = Array("data: ".utf8) + payload + Array("\n\n".utf8)
        var feeds: [ArraySlice<UInt8>] = []
        var start = 0
        while start < stream.count {
            let end = min(start + 16_384, stream.count)
            feeds.append(stream[start..<end])
            start = end
        }
        let events = parse(feeds)
        #expect(events.count == 1)
        #expect(events.first?.data == payload)
    }

    @Test("many events in one feed are all dispatched in order")
    func manyEvents() {
        var stream: [UInt8] = []
        for index in 0..<10_000 {
            stream += Array("data: \(index)\n\n".utf8)
        }
        let events = parse([stream[...]])
        #expect(events.count == 10_000)
        #expect(events.last?.text == "9999")
    }
}
