import CurlTransport
import Dialects
import EventStream
@testable import LoadGen
import Testing
import Workload

/// A target with the given size limits.
private func target(maxEventBytes: Int = 16 << 20, maxResponseBytes: Int = 256 << 20) -> TargetSpec {
    var spec = TargetSpec(name: "t", dialect: "openai-chat", baseURL: "http://127.0.0.1:1/v1", model: "m")
    spec.maxEventBytes = maxEventBytes
    spec.maxResponseBytes = maxResponseBytes
    return spec
}

/// A reader of a 200 response, decoded by `dialect`.
private func reader(_ dialect: any Dialect, streaming: Bool = true, spec: TargetSpec = target(), maxTokens: Int = 100) -> ResponseReader {
    let reader = ResponseReader(
        decoder: dialect.makeDecoder(streaming: streaming), sendAt: 0,
        bounds: ResponseBounds(target: spec, streaming: streaming, maxTokens: maxTokens)
    )
    reader.receivedHead(ResponseHead(status: 200, headers: [], receivedAt: 1))
    return reader
}

/// Feeds `bytes` to `reader` as one read.
private func feed(_ reader: ResponseReader, _ bytes: [UInt8]) -> BodyDisposition {
    bytes.withUnsafeBytes { reader.receivedBody($0, at: 2) }
}

/// Feeds `chunk` until the reader stops the transfer; returns the disposition and the reads it took.
private func feedUntilStopped(_ reader: ResponseReader, prefix: String, chunk: [UInt8], reads: Int = 10_000) -> (BodyDisposition, Int) {
    var disposition = feed(reader, Array(prefix.utf8))
    var count = 1
    while disposition == .proceed && count < reads {
        #expect(reader.decoder.heldBytes <= reader.bounds.heldBytes, "never holds more than the limit between reads")
        disposition = feed(reader, chunk)
        count += 1
    }
    return (disposition, count)
}

@Suite("what one response may hold")
struct ResponseBoundsTests {
    private let sixteenKiB = [UInt8](repeating: UInt8(ascii: "x"), count: 16 * 1024)

    @Test("an SSE line that never ends is stopped once it passes max_event_bytes, and its bytes are freed")
    func endlessSSELine() {
        let reader = reader(OpenAIDialect.chat, spec: target(maxEventBytes: 64 * 1024))
        let (disposition, reads) = feedUntilStopped(reader, prefix: #"data: {"choices":[{"delta":{"content":""#, chunk: sixteenKiB)
        #expect(disposition == .abort(.tooLarge, message: "an event or line passed max_event_bytes (64 KiB) at 65575 bytes; stopped reading"))
        #expect(reads == 5, "64 KiB plus the prefix take five reads")
        #expect(reader.decoder.heldBytes == 0)
    }

    @Test("SSE data lines piling up in one event count towards max_event_bytes too")
    func endlessSSEEvent() {
        let reader = reader(OpenAIDialect.chat, spec: target(maxEventBytes: 64 * 1024))
        let line = Array("data: \(String(repeating: "y", count: 1000))\n".utf8)
        let (disposition, _) = feedUntilStopped(reader, prefix: "", chunk: Array(repeating: line, count: 16).flatMap { $0 })
        guard case .abort(.tooLarge, _) = disposition else {
            Issue.record("not stopped: \(disposition)")
            return
        }
        #expect(reader.decoder.heldBytes == 0)
    }

    @Test("an NDJSON line that never ends is stopped once it passes max_event_bytes")
    func endlessNDJSONLine() {
        let reader = reader(OllamaDialect.chat, spec: target(maxEventBytes: 64 * 1024))
        let (disposition, reads) = feedUntilStopped(reader, prefix: #"{"message":{"role":"assistant","content":""#, chunk: sixteenKiB)
        guard case .abort(.tooLarge, let message) = disposition else {
            Issue.record("not stopped: \(disposition)")
            return
        }
        #expect(message.hasPrefix("an event or line passed max_event_bytes (64 KiB)"))
        #expect(reads == 5)
        #expect(reader.decoder.heldBytes == 0)
    }

    @Test("a non-streamed body is stopped once it passes max_response_bytes")
    func endlessBody() {
        let reader = reader(OpenAIDialect.chat, streaming: false, spec: target(maxEventBytes: 1024, maxResponseBytes: 64 * 1024))
        let (disposition, reads) = feedUntilStopped(reader, prefix: #"{"choices":[{"message":{"content":""#, chunk: sixteenKiB)
        guard case .abort(.tooLarge, let message) = disposition else {
            Issue.record("not stopped: \(disposition)")
            return
        }
        #expect(message.hasPrefix("the body passed max_response_bytes (64 KiB)"))
        #expect(reads == 5, "the event limit does not apply to a whole body")
        #expect(reader.decoder.heldBytes == 0)
    }

    @Test("an AWS event-stream prelude announcing a 1 GiB message is refused at once, holding nothing more")
    func announcedAWSMessage() {
        let reader = reader(BedrockDialect.converse)
        var prelude: [UInt8] = []
        for value: UInt32 in [1 << 30, 0] { prelude += withUnsafeBytes(of: value.bigEndian, Array.init) }
        prelude += withUnsafeBytes(of: CRC32.checksum(prelude[...]).bigEndian, Array.init)
        let disposition = feed(reader, prelude)
        #expect(disposition == .abort(.tooLarge, message: "an event or line passed max_event_bytes (16 MiB) at 1073741824 bytes; stopped reading"))
    }

    @Test("a message within the limit is only held, however slowly it arrives")
    func withinLimits() {
        let reader = reader(OpenAIDialect.chat, spec: target(maxEventBytes: 64 * 1024))
        let event = Array(#"data: {"choices":[{"delta":{"content":"\#(String(repeating: "z", count: 60_000))"}}]}"#.utf8) + [10, 10]
        for byte in event { #expect(feed(reader, [byte]) == .proceed) }
        #expect(reader.decoder.heldBytes == 0)
    }

    @Test("a stream past max_tokens and its margin is stopped as an overrun at the first event over it")
    func overrun() {
        let reader = reader(OpenAIDialect.chat, maxTokens: 10)
        let event = Array(#"data: {"choices":[{"delta":{"content":"a"}}]}"#.utf8) + [10, 10]
        var events = 0
        var disposition = BodyDisposition.proceed
        while disposition == .proceed && events < 1000 {
            disposition = feed(reader, event)
            events += 1
        }
        #expect(events == 27, "10 tokens plus a margin of 16")
        #expect(disposition == .abort(.outputOverrun, message: "27 output tokens for max_tokens 10: the server ignores the length limit"))
    }

    @Test("the margin is a quarter of max_tokens, at least 16 tokens")
    func margin() {
        #expect(ResponseBounds(target: target(), streaming: true, maxTokens: 10).outputTokens == 26)
        #expect(ResponseBounds(target: target(), streaming: true, maxTokens: 64).outputTokens == 80)
        #expect(ResponseBounds(target: target(), streaming: true, maxTokens: 1000).outputTokens == 1250)
    }

    @Test("an error body is kept only up to its limit and never decoded")
    func errorBody() {
        let reader = ResponseReader(
            decoder: OpenAIDialect.chat.makeDecoder(streaming: true), sendAt: 0,
            bounds: ResponseBounds(target: target(maxEventBytes: 1024), streaming: true, maxTokens: 10)
        )
        reader.receivedHead(ResponseHead(status: 500, headers: [], receivedAt: 1))
        for _ in 0..<10 { #expect(feed(reader, sixteenKiB) == .proceed) }
        #expect(reader.errorBody.count == ResponseReader.errorBodyLimit)
        #expect(reader.decoder.heldBytes == 0)
    }
}
