import Dialects
import Metrics
import Testing

// Hostile-input properties: corrupted events, random byte damage and oversized inputs never crash
// or hang the parsers, and a corrupted event is counted as a parse error, never as a token.
// Generators (SplitMix64, stream builder) are in FuzzStreamTests.swift.

/// Payloads that are never JSON of the expected shape, each for a different reason.
private func corruptPayload(_ valid: [UInt8], _ random: inout FuzzRandom) -> [UInt8] {
    let content = Array(FuzzGen.content(&random).utf8)
    func chunk(_ body: [UInt8]) -> [UInt8] {
        Array(#"{"choices":[{"index":0,"delta":{"content":"#.utf8) + body + Array("}}]}".utf8)
    }
    switch Int.random(in: 0..<16, using: &random) {
    case 0: // truncated: no proper prefix of an object is a complete value
        return Array(valid.prefix(Int.random(in: 1..<valid.count, using: &random)))
    case 1: // a stray closing or opening character after the object
        return valid + [random.pick(Array("}]\"\\,{[x:".utf8))]
    case 2: // a stray character before it
        return [random.pick(Array("\"]}x\\[,:".utf8) + [0xFF, 0xC3])] + valid
    case 3: // unknown escape
        return chunk(Array("\"".utf8) + content + Array(#"\q""#.utf8))
    case 4: // short or non-hex \u escape
        return chunk(Array("\"".utf8) + content + Array(random.pick([#"\u12""#, #"\u12G4""#, #"\u""#]).utf8))
    case 5: // raw control character inside a string
        return chunk(Array("\"".utf8) + content + [random.pick([0x00, 0x01, 0x1F])] + Array("\"".utf8))
    case 6: // unterminated string (a backslash swallowing the closing quote)
        return chunk(Array("\"".utf8) + content + Array(#"\"#.utf8) + Array("\"".utf8))
    case 7: // nesting past the reader's depth limit in a skipped member
        return Array(#"{"logprobs":"#.utf8) + Array(repeating: UInt8(ascii: "["), count: 300)
            + Array(repeating: UInt8(ascii: "]"), count: 300) + Array(#","choices":[]}"#.utf8)
    case 8: // content parts nested past their depth limit
        return chunk(Array(repeating: UInt8(ascii: "["), count: 20) + Array("\"a\"".utf8) + Array(repeating: UInt8(ascii: "]"), count: 20))
    case 9: // invalid UTF-8 where structure is expected
        return Array(#"{"choices""#.utf8) + [random.pick([0xFF, 0xC0, 0xED, 0x80])] + Array(#":[]}"#.utf8)
    case 10: // trailing comma
        return Array(#"{"choices":[{"delta":{"content":"a"}},]}"#.utf8)
    case 11: // wrong types
        return Array(random.pick([
            #"{"choices":{"delta":{"content":"a"}}}"#,
            #"{"choices":[],"usage":{"completion_tokens":1.5}}"#,
            #"{"choices":[],"usage":{"completion_tokens":"5"}}"#,
            #"{"choices":[],"usage":{"prompt_tokens":1e400}}"#,
            #"{"choices":[{"finish_reason":7}]}"#,
            #"[{"choices":[]}]"#,
            #""choices""#,
        ]).utf8)
    case 12: // bad literals and numbers
        return Array(random.pick([
            // (Skipped numbers are only checked for number characters: `"x":-` passes, by design.)
            #"{"choices":[],"x":nul}"#, #"{"choices":[],"x":tru}"#, #"{"choices":[],"usage":{"prompt_tokens":-}}"#,
            #"{"choices":[],"x":.}"#, #"{"choices":[],"x":NaN}"#, #"{"choices":[],"usage":{"prompt_tokens":+}}"#,
        ]).utf8)
    case 13: // missing colon or comma
        return Array(random.pick([#"{"choices"[]}"#, #"{"choices":[] "usage":null}"#, #"{"choices":[{"delta" {}}]}"#]).utf8)
    case 14: // a damaged end marker
        return Array(random.pick(["[DONE", "DONE]", "[done]", "[DONE]]"]).utf8)
    default: // an object closed twice in the middle
        return chunk(Array("\"".utf8) + content + Array("\"}}".utf8)) + Array("}".utf8)
    }
}

/// Random damage of any kind, validity unknown: flips, insertions of JSON and SSE syntax, invalid
/// UTF-8 sequences, deletions, truncation.
private func damage(_ bytes: [UInt8], _ random: inout FuzzRandom) -> [UInt8] {
    var bytes = bytes
    let insertions: [[UInt8]] = [
        [0x22], [0x7B], [0x7D], [0x5B], [0x5D], [0x5C], [0x3A], [0x2C], [0x0A], [0x0D], [0x0D, 0x0A],
        [0x0A, 0x0A], [0xFF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF],
        [0xF8, 0x88, 0x80, 0x80, 0x80], [0x00], Array("data:".utf8), Array(": ".utf8), Array(#"\u"#.utf8),
        Array("[DONE]".utf8), Array(repeating: 0x5B, count: 500), [0xEF, 0xBB, 0xBF],
    ]
    for _ in 0..<Int.random(in: 1...6, using: &random) {
        let position = Int.random(in: 0...bytes.count, using: &random)
        switch Int.random(in: 0..<5, using: &random) {
        case 0 where position < bytes.count:
            bytes[position] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
        case 1:
            bytes.insert(contentsOf: random.pick(insertions), at: position)
        case 2 where position < bytes.count:
            bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...16, using: &random)))
        case 3:
            bytes.removeSubrange(position...)
        default:
            bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
        }
    }
    return bytes
}

/// Runs `body` and returns how long it took.
private func timed(_ body: () -> Void) -> Duration {
    ContinuousClock().measure(body)
}

@Suite("Fuzz: corrupted and hostile streams", .timeLimit(.minutes(1)))
struct FuzzCorruptionTests {
    @Test("each corrupted event counts one parse error and no token, the valid ones still count")
    func corruptedEventsAreParseErrors() {
        for seed in UInt64(1)...300 {
            var random = FuzzRandom(seed: seed &* 0x9E37)
            var events = FuzzGen.events(&random)
            let corrupted = Set((0..<Int.random(in: 1...3, using: &random)).map { _ in Int.random(in: 0..<events.count, using: &random) })
            for index in corrupted {
                events[index].rawPayload = corruptPayload(events[index].payload, &random)
                events[index].isCorrupt = true
            }
            let stream = FuzzGen.serialize(events, &random, ending: random.pick(FuzzLineEnding.allCases))
            let reads = FuzzGen.reads(stream.bytes, cuts: FuzzGen.cuts(count: stream.bytes.count, &random))
            let observation = FuzzGen.decode(reads, sameTime: true)
            let expected = stream.expected(time: { _ in 1000 }, finishTime: 1000)
            #expect(observation.parseErrors == corrupted.count, "seed \(seed)")
            #expect(observation == expected, "seed \(seed): \(corrupted.sorted().map { String(decoding: events[$0].payload.prefix(120), as: UTF8.self) })")
        }
    }

    @Test("random byte damage never crashes and never depends on how the bytes are split")
    func randomDamage() {
        for seed in UInt64(1)...400 {
            var random = FuzzRandom(seed: seed ^ 0xDA4A_6E00)
            let stream = FuzzGen.serialize(FuzzGen.events(&random), &random, ending: random.pick(FuzzLineEnding.allCases))
            let bytes = damage(stream.bytes, &random)
            let cuts = FuzzGen.cuts(count: bytes.count, &random)
            let reads = FuzzGen.reads(bytes, cuts: cuts)

            let sseWhole = FuzzGen.sseEvents([bytes])
            #expect(FuzzGen.sseEvents(reads) == sseWhole, "seed \(seed), cuts \(cuts)")
            let whole = FuzzGen.decode([bytes], sameTime: true)
            #expect(FuzzGen.decode(reads, sameTime: true) == whole, "seed \(seed), cuts \(cuts)")
            // Every event is a token, a parse error, the end marker, an error, or empty — at most one.
            let dataEvents = sseWhole.count { !$0.data.allSatisfy { [0x20, 0x0A, 0x0D, 0x09].contains($0) } }
            #expect(whole.tokens.count + whole.parseErrors <= max(dataEvents, 1), "seed \(seed)")
            #expect(whole.tokens.count <= whole.deltaCount, "seed \(seed)")

            _ = FuzzGen.decode(reads, streaming: false)
            if let message = OpenAIDialect.chat.errorMessage(fromBody: bytes) {
                let isOneLine = !message.contains { $0.isNewline }
                #expect(isOneLine, "seed \(seed)")
            }
        }
    }

    @Test("100,000 nested brackets are a parse error, not a stack overflow")
    func deepNesting() {
        let open = Array(repeating: UInt8(ascii: "["), count: 100_000)
        let objects = Array(repeating: Array(#"{"a":"#.utf8), count: 100_000).flatMap { $0 }
        let elapsed = timed {
            for payload in [open, objects, Array(#"{"choices":[{"delta":{"content":"#.utf8) + open, Array(#"{"x":"#.utf8) + open + Array("]".utf8)] {
                let stream = Array("data: ".utf8) + payload + Array("\n\ndata: [DONE]\n\n".utf8)
                let observation = FuzzGen.decode([stream])
                #expect(observation.parseErrors == 1)
                #expect(observation.tokens.isEmpty)
                #expect(observation.sawEndMarker)
                #expect(FuzzGen.decode([payload], streaming: false).parseErrors == 1)
                // Not an event stream and not an object: nothing to observe, and no crash.
                #expect(FuzzGen.decode([Array(" ".utf8) + payload]).tokens.isEmpty)
                _ = OpenAIDialect.chat.errorMessage(fromBody: payload)
            }
        }
        #expect(elapsed < .seconds(20))
    }

    @Test("a 5 MB event is one token, whether read whole or in 64 KB pieces")
    func hugeEvent() {
        let text = String(repeating: #"abc\"d\u00e9 "#, count: 5 << 20 / 13)
        let stream = Array(#"data: {"choices":[{"delta":{"content":""#.utf8) + Array(text.utf8) + Array("\"}}]}\n\ndata: [DONE]\n\n".utf8)
        #expect(stream.count > 5_000_000)
        let elapsed = timed {
            let whole = FuzzGen.decode([stream])
            #expect(whole.tokens.kept == [1000])
            #expect(whole.parseErrors == 0)
            #expect(whole.sawEndMarker)
            let pieces = FuzzGen.reads(stream, cuts: Array(stride(from: 65_536, to: stream.count, by: 65_536)))
            let split = FuzzGen.decode(pieces, sameTime: true)
            #expect(split == FuzzGen.decode([stream], sameTime: true))
            // Damaged in its last byte of content: one parse error, no token.
            var damaged = stream
            damaged[stream.count - 24] = 0x01
            let broken = FuzzGen.decode([damaged])
            #expect(broken.parseErrors == 1)
            #expect(broken.tokens.isEmpty)
        }
        #expect(elapsed < .seconds(20))
    }

    @Test("10,000 events in one read are all counted and share that read's time")
    func tenThousandEvents() {
        var random = FuzzRandom(seed: 10_000)
        var stream: [UInt8] = []
        var tokenEvents = 0
        var broken = 0
        for index in 0..<10_000 {
            if index % 97 == 0 {
                stream += Array("data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]\n\n".utf8)
                broken += 1
            } else {
                stream += Array("data: {\"choices\":[{\"delta\":{\"content\":\"\(FuzzGen.content(&random))\"}}]}\n\n".utf8)
                tokenEvents += 1
            }
        }
        stream += Array("data: [DONE]\n\n".utf8)
        let elapsed = timed {
            let observation = FuzzGen.decode([Array(": first read\n".utf8), stream])
            #expect(observation.tokens.count == tokenEvents)
            #expect(observation.tokens.kept.allSatisfy { $0 == 2000 })
            #expect(observation.deltaCount == tokenEvents)
            #expect(observation.parseErrors == broken)
            #expect(observation.sawEndMarker)
        }
        #expect(elapsed < .seconds(20))
    }

    @Test("a CR-only stream parses the same when every read ends right after a CR")
    func carriageReturnOnly() {
        var random = FuzzRandom(seed: 0x0D)
        let events = (0..<2_000).map { _ in FuzzGen.event(&random) } + [FuzzEvent(pieces: ["[DONE]"], isDone: true)]
        var stream: [UInt8] = []
        for event in events {
            stream += Array("data: ".utf8) + event.payload + Array("\r\r".utf8)
        }
        let expectedTokens = events.count { $0.tokenChoices > 0 }
        let whole = FuzzGen.decode([stream], sameTime: true)
        #expect(whole.tokens.count == expectedTokens)
        #expect(whole.parseErrors == 0)
        #expect(whole.sawEndMarker)
        let afterEachCR = stream.indices.filter { stream[$0] == 0x0D }.map { $0 + 1 }.filter { $0 < stream.count }
        #expect(FuzzGen.decode(FuzzGen.reads(stream, cuts: afterEachCR), sameTime: true) == whole)
        // A CR at the end of one read and LF at the start of the next are one line ending.
        let crlf = stream.flatMap { $0 == 0x0D ? [0x0D, 0x0A] : [$0] }
        let betweenCRAndLF = crlf.indices.filter { crlf[$0] == 0x0A }
        #expect(FuzzGen.decode(FuzzGen.reads(crlf, cuts: betweenCRAndLF), sameTime: true) == whole)
    }

    @Test("random bytes into the whole-body decoder and the error-body reader never crash")
    func randomBodies() {
        var random = FuzzRandom(seed: 0xB0D7)
        let alphabet = Array(#"{}[]",:\ntrue false null -0.5e+3 "choices" "delta" "content" "usage" "error" "message" \u00 \"#.utf8)
            + [0xFF, 0xC3, 0xE2, 0x0A, 0x0D, 0x00]
        for seed in 0..<2_000 {
            let count = Int.random(in: 0...200, using: &random)
            let body = (0..<count).map { _ in random.chance(0.7) ? random.pick(alphabet) : UInt8.random(in: 0...255, using: &random) }
            let observation = FuzzGen.decode([body], streaming: false)
            #expect(observation.parseErrors <= 1, "body \(seed)")
            #expect(observation.tokens.count <= 1, "body \(seed)")
            if let message = OpenAIDialect.chat.errorMessage(fromBody: body) {
                #expect(!message.isEmpty, "body \(seed)")
            }
        }
    }
}
