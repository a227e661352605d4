import Dialects
import Metrics
import RepatSupport
import Testing

// Property tests over generated OpenAI-style streams. Every case is driven by a seeded SplitMix64,
// so a failure names its seed and replays exactly. Shared generators live here; the corruption and
// stress properties are in FuzzCorruptionTests.swift.

/// The project's seeded generator (SplitMix64) with the draws the fuzz tests need.
struct FuzzRandom: RandomNumberGenerator {
    private var base: SeededGenerator

    init(seed: UInt64) {
        base = SeededGenerator(seed: seed)
    }

    mutating func next() -> UInt64 {
        base.next()
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }

    mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int.random(in: 0..<choices.count, using: &self)]
    }
}

/// One generated event: its JSON payload (in pieces that may be joined by a newline, so the
/// payload can span several `data:` lines) and what the decoder should make of it.
struct FuzzEvent {
    /// JSON text pieces; any boundary between two pieces is outside a string.
    var pieces: [String]
    /// Raw payload bytes replacing `pieces` (corrupted events), sent as one `data:` line.
    var rawPayload: [UInt8]?
    /// Token-bearing choices (0 for role, finish and usage chunks).
    var tokenChoices = 0
    /// Of ``tokenChoices``, those carrying reasoning only.
    var reasoningChoices = 0
    var finishReason: String?
    var usage: TokenUsage?
    var isDone = false
    /// The payload is not JSON of the expected shape: one parse error, nothing else.
    var isCorrupt = false

    var payload: [UInt8] { rawPayload ?? Array(pieces.joined().utf8) }
}

/// Line-ending style of a generated stream.
enum FuzzLineEnding: CaseIterable {
    case lf, crlf, cr, mixed
}

/// A serialised stream with, for every token-bearing event, the offset of the byte that dispatches
/// it (the first byte of its blank line's terminator), or `nil` when only `finish` dispatches it.
struct FuzzStream {
    var bytes: [UInt8]
    var tokenDispatchOffsets: [Int?]
    var events: [FuzzEvent]

    /// What a correct decoder reports, reads stamped by `time(offset)` and the end by `finishTime`.
    func expected(time: (Int) -> UInt64, finishTime: UInt64) -> ResponseObservation {
        var observation = ResponseObservation()
        let stamps = tokenDispatchOffsets.map { $0.map(time) ?? finishTime }
        observation.tokens = TokenStamps(stamps)
        var tokenIndex = 0
        for event in events {
            if event.isCorrupt {
                observation.parseErrors += 1
                continue
            }
            if event.isDone {
                observation.sawEndMarker = true
            }
            observation.deltaCount += event.tokenChoices
            if event.tokenChoices > 0 {
                observation.reasoningDeltaCount += event.reasoningChoices
                if event.reasoningChoices < event.tokenChoices, observation.firstAnswerAt == nil {
                    observation.firstAnswerAt = stamps[tokenIndex]
                }
                tokenIndex += 1
            }
            if let reason = event.finishReason {
                observation.finishReason = reason
            }
            if let usage = event.usage {
                observation.usage = usage
            }
        }
        return observation
    }
}

enum FuzzGen {
    /// Pieces of string content, already JSON-escaped: ASCII, multi-byte UTF-8, combining marks,
    /// emoji, every short escape, `\u` escapes including a surrogate pair and NUL.
    static let contentPieces = [
        "Hello", " ", "world", ",", "a", "Z9", "é", "漢字", "😀", "e\u{301}", "🇫🇷", "\u{2028}",
        #"\n"#, #"\t"#, #"\r"#, #"\""#, #"\\"#, #"\/"#, #"\b"#, #"\f"#, #"\u00e9"#, #"\ud83d\ude00"#,
        #"\u0000"#, #"\u2603"#, "{", "}", "[", "]", ":", "data: x", "[DONE]",
    ]

    static func content(_ random: inout FuzzRandom) -> String {
        (0..<Int.random(in: 1...8, using: &random)).map { _ in random.pick(contentPieces) }.joined()
    }

    /// An unknown member a real server might add, skipped by the decoder.
    static func unknownMember(_ random: inout FuzzRandom) -> String {
        random.pick([
            #""id":"chatcmpl-\#(Int.random(in: 0...999, using: &random))""#,
            #""created":1700000000"#,
            #""system_fingerprint":null"#,
            #""logprobs":{"content":[{"token":"a","logprob":-0.25,"bytes":[97],"top_logprobs":[]}]}"#,
            #""x":[1,-2.5e3,true,false,null,{"y":"\"}"},[[]],{}]"#,
            #""model":"m\u00e9""#,
        ])
    }

    /// A random valid event (never `[DONE]`).
    static func event(_ random: inout FuzzRandom) -> FuzzEvent {
        var extras: [String] = []
        while random.chance(0.3) {
            extras.append(unknownMember(&random))
        }
        func object(_ members: [String]) -> [String] {
            var all = members + extras
            all.shuffle(using: &random)
            var pieces = ["{"]
            for (index, member) in all.enumerated() {
                pieces.append(index == 0 ? member : "," + member)
            }
            pieces.append("}")
            return pieces
        }
        func choice(_ body: String) -> String {
            #"{"index":0,\#(body),"finish_reason":null}"#
        }
        switch Int.random(in: 0..<8, using: &random) {
        case 0:
            return FuzzEvent(pieces: object([#""choices":[\#(choice(#""delta":{"role":"assistant","content":""}"#))]"#, #""usage":null"#]))
        case 1, 2:
            let key = random.pick(["content", "content", "reasoning_content", "reasoning"])
            let text = "\"\(content(&random))\""
            return FuzzEvent(
                pieces: object([#""choices":[\#(choice(#""delta":{"\#(key)":\#(text)}"#))]"#]), tokenChoices: 1,
                reasoningChoices: key == "content" ? 0 : 1
            )
        case 3:
            return FuzzEvent(pieces: object([#""choices":[{"index":0,"text":"\#(content(&random))","logprobs":null}]"#]), tokenChoices: 1)
        case 4:
            let part = #"[{"type":"text","text":"\#(content(&random))"},{"type":"thinking","thinking":[{"type":"text","text":""}]}]"#
            return FuzzEvent(pieces: object([#""choices":[{"message":{"content":\#(part)}}]"#]), tokenChoices: 1)
        case 5:
            let two = #"[{"index":0,"delta":{"content":"\#(content(&random))"}},{"index":1,"delta":{"content":"\#(content(&random))"}}]"#
            return FuzzEvent(pieces: object([#""choices":\#(two)"#]), tokenChoices: 2)
        case 6:
            let reason = random.pick(["stop", "length", "tool_calls", "content_filter"])
            return FuzzEvent(
                pieces: object([#""choices":[{"index":0,"delta":{},"finish_reason":"\#(reason)","stop_reason":null}]"#]),
                finishReason: reason
            )
        default:
            let prompt = Int.random(in: 0...100_000, using: &random)
            let completion = Int.random(in: 0...4096, using: &random)
            let reasoning = Int.random(in: 0...completion, using: &random)
            let completionText = random.chance(0.3) ? "\(completion).0" : "\(completion)"
            let usage = #""usage":{"prompt_tokens":\#(prompt),"total_tokens":\#(prompt + completion),"completion_tokens":\#(completionText),"completion_tokens_details":{"reasoning_tokens":\#(reasoning)},"prompt_tokens_details":null}"#
            return FuzzEvent(
                pieces: object([#""choices":[]"#, usage]),
                usage: TokenUsage(promptTokens: prompt, completionTokens: completion, reasoningTokens: reasoning)
            )
        }
    }

    /// A random valid stream's events: 1…`maxEvents` chunks, usually ended by `[DONE]`.
    static func events(_ random: inout FuzzRandom, maxEvents: Int = 12) -> [FuzzEvent] {
        var events = (0..<Int.random(in: 1...maxEvents, using: &random)).map { _ in event(&random) }
        if random.chance(0.85) {
            events.append(FuzzEvent(pieces: ["[DONE]"], isDone: true))
        }
        return events
    }

    /// Serialises `events` as server-sent events with random framing: optional BOM, comments,
    /// `id`/`event`/`retry`/unknown fields, `data:` with or without its space, payloads spread over
    /// several `data:` lines, the given line endings, and an ending that may omit the last blank line
    /// or the last line ending.
    static func serialize(_ events: [FuzzEvent], _ random: inout FuzzRandom, ending: FuzzLineEnding) -> FuzzStream {
        var bytes: [UInt8] = random.chance(0.2) ? [0xEF, 0xBB, 0xBF] : []
        var offsets: [Int?] = []
        var lastEndedInCR = false
        func line(_ text: [UInt8]) {
            bytes += text
            var terminator: String
            switch ending {
            case .lf: terminator = "\n"
            case .crlf: terminator = "\r\n"
            case .cr: terminator = "\r"
            case .mixed: terminator = random.pick(["\n", "\r\n", "\r"])
            }
            // A blank line right after a lone CR must not start with LF: it would join that CR.
            if text.isEmpty, lastEndedInCR, terminator == "\n" {
                terminator = "\r"
            }
            bytes += Array(terminator.utf8)
            lastEndedInCR = terminator == "\r"
        }
        for (index, event) in events.enumerated() {
            if random.chance(0.2) {
                line(Array(random.pick([": keep-alive", ":", ": \u{1F600} comment: data: x"]).utf8))
            }
            if random.chance(0.15) {
                line(Array(random.pick(["id: \(index)", "event: chunk", "retry: 3000", "retry: x", "foo: bar", "id"]).utf8))
            }
            let prefix = Array((random.chance(0.8) ? "data: " : "data:").utf8)
            if event.rawPayload == nil, event.pieces.count > 2, random.chance(0.25) {
                // Split at a structural boundary: the joined data is the payload with a newline in it.
                let cut = Int.random(in: 1..<event.pieces.count, using: &random)
                line(prefix + Array(event.pieces[..<cut].joined().utf8))
                line(prefix + Array(event.pieces[cut...].joined().utf8))
            } else {
                line(prefix + event.payload)
            }
            let isLast = index == events.count - 1
            let dispatchesAt = bytes.count
            if isLast, random.chance(0.3) {
                // No final blank line (and maybe no final line ending): only finish dispatches it.
                if random.chance(0.5) {
                    while let last = bytes.last, last == 0x0A || last == 0x0D {
                        bytes.removeLast()
                    }
                }
                if event.tokenChoices > 0, !event.isCorrupt {
                    offsets.append(nil)
                }
                break
            }
            line([])
            if event.tokenChoices > 0, !event.isCorrupt {
                offsets.append(dispatchesAt)
            }
        }
        return FuzzStream(bytes: bytes, tokenDispatchOffsets: offsets, events: events)
    }

    /// Random cut points splitting `count` bytes into reads: few large, many small, or single bytes.
    static func cuts(count: Int, _ random: inout FuzzRandom) -> [Int] {
        guard count > 1 else { return [] }
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            return [Int.random(in: 1..<count, using: &random)]
        case 1:
            return Array(Set((0..<Int.random(in: 2...8, using: &random)).map { _ in Int.random(in: 1..<count, using: &random) })).sorted()
        case 2:
            return count <= 2048 ? Array(1..<count) : Array(stride(from: 1, to: count, by: 7))
        default:
            return Array(stride(from: Int.random(in: 1...3, using: &random), to: count, by: Int.random(in: 1...5, using: &random)))
        }
    }

    /// `bytes` cut into reads at `cuts`.
    static func reads(_ bytes: [UInt8], cuts: [Int]) -> [[UInt8]] {
        var reads: [[UInt8]] = []
        var start = 0
        for cut in cuts + [bytes.count] {
            reads.append(Array(bytes[start..<cut]))
            start = cut
        }
        return reads
    }

    /// Feeds `reads` to a stream decoder, the i-th read at `(i + 1) * 1000` ns (or all at 1000 when
    /// `sameTime`), and finishes at 999_999 (or 1000).
    static func decode(_ reads: [[UInt8]], streaming: Bool = true, sameTime: Bool = false) -> ResponseObservation {
        var decoder = OpenAIDialect.chat.makeDecoder(streaming: streaming)
        for (index, read) in reads.enumerated() {
            decoder.consume(read, receivedAt: sameTime ? 1000 : UInt64(index + 1) * 1000)
        }
        return decoder.finish(at: sameTime ? 1000 : 999_999)
    }

    /// SSE events from `reads`, the unterminated last event included.
    static func sseEvents(_ reads: [[UInt8]]) -> [SSEEvent] {
        var parser = SSEParser()
        var events: [SSEEvent] = []
        for read in reads {
            parser.feed(read) { events.append($0) }
        }
        parser.finish(dispatchingIncomplete: true) { events.append($0) }
        return events
    }
}

@Suite("Fuzz: generated OpenAI streams", .timeLimit(.minutes(1)))
struct FuzzStreamTests {
    @Test("a generated valid stream decodes to exactly what was generated", arguments: FuzzLineEnding.allCases)
    func validStreams(ending: FuzzLineEnding) {
        for seed in UInt64(1)...150 {
            var random = FuzzRandom(seed: seed &* 7919 &+ UInt64(FuzzLineEnding.allCases.firstIndex(of: ending) ?? 0))
            let stream = FuzzGen.serialize(FuzzGen.events(&random), &random, ending: ending)
            let observation = FuzzGen.decode([stream.bytes])
            let expected = stream.expected(time: { _ in 1000 }, finishTime: 999_999)
            #expect(observation == expected, "seed \(seed), \(ending)")
        }
    }

    @Test("any split of a stream into reads gives the same observation, token times from the completing read")
    func splitInvariance() {
        for seed in UInt64(1)...200 {
            var random = FuzzRandom(seed: seed)
            let ending = random.pick(FuzzLineEnding.allCases)
            let stream = FuzzGen.serialize(FuzzGen.events(&random), &random, ending: ending)
            let whole = FuzzGen.decode([stream.bytes], sameTime: true)
            let wholeEvents = FuzzGen.sseEvents([stream.bytes])
            for _ in 0..<6 {
                let cuts = FuzzGen.cuts(count: stream.bytes.count, &random)
                let reads = FuzzGen.reads(stream.bytes, cuts: cuts)
                #expect(FuzzGen.decode(reads, sameTime: true) == whole, "seed \(seed), cuts \(cuts)")
                #expect(FuzzGen.sseEvents(reads) == wholeEvents, "seed \(seed), cuts \(cuts)")
                // With a distinct time per read, each token event carries the time of the read
                // holding the byte that dispatched it.
                let readTime = { (offset: Int) -> UInt64 in UInt64(cuts.filter { $0 <= offset }.count + 1) * 1000 }
                let expected = stream.expected(time: readTime, finishTime: 999_999)
                #expect(FuzzGen.decode(reads) == expected, "seed \(seed), cuts \(cuts)")
            }
        }
    }

    @Test("a plain JSON body sent to the stream decoder is read the same however it is split")
    func fallbackBodySplits() {
        for seed in UInt64(1)...100 {
            var random = FuzzRandom(seed: seed ^ 0xB0D1)
            var event = FuzzGen.event(&random)
            event.pieces.insert(" \r\n", at: 0)
            let body = event.payload
            let whole = FuzzGen.decode([body], sameTime: true)
            #expect(whole.parseErrors == 0 && whole.sawEndMarker, "seed \(seed)")
            #expect(whole == FuzzGen.decode([body], streaming: false, sameTime: true), "seed \(seed)")
            for _ in 0..<4 {
                let cuts = FuzzGen.cuts(count: body.count, &random)
                #expect(FuzzGen.decode(FuzzGen.reads(body, cuts: cuts), sameTime: true) == whole, "seed \(seed), cuts \(cuts)")
            }
        }
    }
}
