// libFuzzer target `sse-fuzz`: hostile bytes through the streaming and whole-body response parsers.
// Built by `.ci/fuzz` (see fuzz/README.md); not part of the SwiftPM package.
//
// Input layout: byte 0 picks a split position, the rest is the response body.
// Besides "never crash", it checks three oracles and traps when one fails:
//  - SSEParser gives the same events whether the body arrives in one feed, in two feeds split at
//    the chosen position, or (for short bodies) one byte at a time;
//  - OpenAIStreamDecoder gives the same observation for one feed and for the two-feed split;
//  - an error message extracted from the body is one line of at most 301 characters (300 kept,
//    plus the ellipsis when cut).
// The stream decoders are internal to Dialects, which `.ci/fuzz` builds with -enable-testing.
@testable import Dialects
import Metrics

@_cdecl("LLVMFuzzerTestOneInput")
public func sseFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let control = Int(data[0])
    let body = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let split = body.isEmpty ? 0 : control * (body.count + 1) / 256

    // SSE parser: one feed, two feeds, byte by byte.
    let whole = SSEFuzz.events(body, feeds: [0..<body.count])
    let halves = SSEFuzz.events(body, feeds: [0..<split, split..<body.count])
    guard whole == halves else { fatalError("SSEParser events depend on the split at \(split)") }
    if body.count <= 512 {
        let bytewise = SSEFuzz.events(body, feeds: body.indices.map { $0..<($0 + 1) })
        guard whole == bytewise else { fatalError("SSEParser events differ when fed byte by byte") }
    }

    // Stream decoder: one read vs two reads at the same time stamp must observe the same thing.
    let once = SSEFuzz.observe(OpenAIStreamDecoder(), body, feeds: [0..<body.count])
    let twice = SSEFuzz.observe(OpenAIStreamDecoder(), body, feeds: [0..<split, split..<body.count])
    guard once == twice else { fatalError("OpenAIStreamDecoder observation depends on the split at \(split)") }
    guard once.tokens.count <= once.deltaCount else { fatalError("more token times than deltas") }

    // Whole-body decoder and the error-body reader.
    _ = SSEFuzz.observe(OpenAIBodyDecoder(), body, feeds: [0..<split, split..<body.count])
    if let message = OpenAIDialect.chat.errorMessage(fromBody: body) {
        guard message.count <= 301, !message.contains(where: \.isNewline) else {
            fatalError("error message is not one short line")
        }
    }
    return 0
}

enum SSEFuzz {
    static func events(_ body: [UInt8], feeds: [Range<Int>]) -> [SSEEvent] {
        var parser = SSEParser()
        var events: [SSEEvent] = []
        for range in feeds {
            parser.feed(body[range]) { events.append($0) }
        }
        parser.finish(dispatchingIncomplete: true) { events.append($0) }
        return events
    }

    static func observe(_ decoder: some ResponseDecoder, _ body: [UInt8], feeds: [Range<Int>]) -> ResponseObservation {
        var decoder = decoder
        for range in feeds {
            body[range].withUnsafeBytes { decoder.consume($0, receivedAt: 1_000) }
        }
        return decoder.finish(at: 1_000)
    }
}
