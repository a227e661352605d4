import Dialects
import Metrics
import Testing

/// A `streamGenerateContent?alt=sse` stream from a thinking model: a thought chunk, text chunks with
/// growing `usageMetadata`, and the last chunk with `finishReason`.
private let stream = [
    #"{"candidates": [{"content": {"parts": [{"text": "**Weighing the greeting**","thought": true}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 9,"totalTokenCount": 9,"promptTokensDetails": [{"modality": "TEXT","tokenCount": 9}]},"modelVersion": "gemini-2.5-flash","responseId": "r1"}"#,
    #"{"candidates": [{"content": {"parts": [{"text": "Hello"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 9,"candidatesTokenCount": 1,"totalTokenCount": 30,"thoughtsTokenCount": 20},"modelVersion": "gemini-2.5-flash","responseId": "r1"}"#,
    #"{"candidates": [{"content": {"parts": [{"text": ""}],"role": "model"},"index": 0}],"modelVersion": "gemini-2.5-flash","responseId": "r1"}"#,
    #"{"candidates": [{"content": {"parts": [{"text": " world \u00e9\n"}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 9,"candidatesTokenCount": 3,"totalTokenCount": 32,"cachedContentTokenCount": 4,"thoughtsTokenCount": 20},"modelVersion": "gemini-2.5-flash","responseId": "r1"}"#,
]

/// `data:` server-sent events, with Gemini's CRLF line endings unless told otherwise.
private func sse(_ payloads: [String], lineEnding: String = "\r\n") -> [UInt8] {
    Array(payloads.map { "data: \($0)\(lineEnding)\(lineEnding)" }.joined().utf8)
}

/// Decodes `reads`, read `i` arriving at `times(i)`, ending at `finishAt`.
private func decode(
    _ reads: [[UInt8]], streaming: Bool = true, times: (Int) -> UInt64 = { _ in 7 }, finishAt: UInt64 = 7
) -> ResponseObservation {
    var decoder = GeminiDialect.gemini.makeDecoder(streaming: streaming)
    for (index, read) in reads.enumerated() {
        decoder.consume(read, receivedAt: times(index))
    }
    return decoder.finish(at: finishAt)
}

@Suite("Gemini decoders")
struct GeminiDecoderTests {
    @Test("text chunks (thoughts included) are tokens; usage counts thoughts as output; finishReason ends the stream")
    func streamDecodes() {
        let observation = decode(stream.map { sse([$0]) }, times: { UInt64($0 + 1) * 1000 })
        #expect(observation.tokens.kept == [1000, 2000, 4000])
        #expect(observation.deltaCount == 3)
        #expect(observation.usage == TokenUsage(promptTokens: 9, completionTokens: 23, reasoningTokens: 20))
        #expect(observation.outputTokens == 23)
        #expect(observation.finishReason == "STOP")
        #expect(observation.sawEndMarker)
        #expect(observation.parseErrors == 0)
        #expect(observation.streamError == nil)
    }

    @Test("the end marker is known as soon as the finishReason chunk arrives")
    func endMarkerMidStream() {
        var decoder = GeminiDialect.gemini.makeDecoder(streaming: true)
        decoder.consume(sse(Array(stream.prefix(3))), receivedAt: 1)
        #expect(decoder.hasToken)
        #expect(!decoder.sawEndMarker)
        decoder.consume(sse([stream[3]]), receivedAt: 2)
        #expect(decoder.sawEndMarker)
    }

    @Test("the stream split into two reads at every byte boundary gives the same observation")
    func everySplit() {
        for ending in ["\r\n", "\n"] {
            let bytes = sse(stream, lineEnding: ending)
            let whole = decode([bytes])
            #expect(whole.sawEndMarker && whole.tokens.count == 3)
            for cut in 1..<bytes.count {
                #expect(decode([Array(bytes[..<cut]), Array(bytes[cut...])]) == whole, "cut at \(cut)")
            }
        }
    }

    @Test("fed one byte per read, each token is stamped with the read ending its event")
    func byteByByteTimes() {
        let bytes = sse(stream, lineEnding: "\n")
        let ends = bytes.indices.filter { $0 > 0 && bytes[$0] == UInt8(ascii: "\n") && bytes[$0 - 1] == UInt8(ascii: "\n") }
        let observation = decode(bytes.map { [$0] }, times: { UInt64($0) })
        #expect(observation.tokens.kept == [0, 1, 3].map { UInt64(ends[$0]) })
    }

    @Test("without thoughts the output is the candidates count and no reasoning is reported")
    func usageWithoutThoughts() {
        let observation = decode([sse([#"{"candidates":[{"content":{"parts":[{"text":"Hi"}],"role":"model"},"finishReason":"MAX_TOKENS"}],"usageMetadata":{"promptTokenCount":4,"candidatesTokenCount":2,"totalTokenCount":6}}"#])])
        #expect(observation.usage == TokenUsage(promptTokens: 4, completionTokens: 2, reasoningTokens: nil))
        #expect(observation.finishReason == "MAX_TOKENS")
    }

    @Test("a stream cut before the finishReason chunk is incomplete, with counted chunks as output when usage lacks it")
    func cutStream() {
        let observation = decode([sse(Array(stream.prefix(1)))])
        #expect(!observation.sawEndMarker)
        #expect(observation.usage == TokenUsage(promptTokens: 9))
        #expect(observation.outputTokens == 1)
    }

    @Test("an error chunk is a stream error and not an end marker")
    func errorChunk() {
        let observation = decode([sse(Array(stream.prefix(2)) + [#"{"error": {"code": 503, "message": "The model is overloaded. Please try again later.", "status": "UNAVAILABLE"}}"#])])
        #expect(observation.streamError == "The model is overloaded. Please try again later.")
        #expect(observation.tokens.count == 2)
        #expect(!observation.sawEndMarker)
        #expect(decode([sse([#"{"error":{"code":500,"status":"INTERNAL"}}"#])]).streamError == "INTERNAL")
    }

    @Test("a blocked prompt ends the stream with its block reason and no token")
    func blockedPrompt() {
        let observation = decode([sse([#"{"promptFeedback": {"blockReason": "PROHIBITED_CONTENT"},"usageMetadata": {"promptTokenCount": 5,"totalTokenCount": 5},"modelVersion": "gemini-2.5-flash"}"#])])
        #expect(observation.finishReason == "PROHIBITED_CONTENT")
        #expect(observation.sawEndMarker)
        #expect(observation.tokens.isEmpty)
        #expect(observation.usage == TokenUsage(promptTokens: 5))
    }

    @Test("malformed or wrongly shaped chunks each count one parse error", arguments: [
        #"{"candidates":[{"content":{"parts":[{"text":1}]}}]}"#, #"{"candidates":[{"finishReason":2}]}"#,
        #"{"usageMetadata":{"promptTokenCount":"9"}}"#, #"{"candidates":{}}"#, #"{"candidates":[]} x"#, "[1]", "{",
    ])
    func malformed(payload: String) {
        let observation = decode([sse([payload, stream[1]])], times: { _ in 1000 })
        #expect(observation.parseErrors == 1)
        #expect(observation.tokens.kept == [1000])
    }

    @Test("a non-streamed body gives one token at its last bytes, usage, finish reason and the end marker")
    func body() {
        let text = #"{"candidates": [{"content": {"parts": [{"text": "Thinking...","thought": true},{"text": "Hello world"}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 9,"candidatesTokenCount": 2,"totalTokenCount": 31,"thoughtsTokenCount": 20},"modelVersion": "gemini-2.5-flash","responseId": "r2"}"#
        let bytes = Array(text.utf8)
        let observation = decode([Array(bytes.prefix(9)), Array(bytes.dropFirst(9))], streaming: false, times: { UInt64($0 + 1) * 1000 }, finishAt: 9999)
        #expect(observation.tokens.kept == [2000])
        #expect(observation.deltaCount == 1)
        #expect(observation.usage == TokenUsage(promptTokens: 9, completionTokens: 22, reasoningTokens: 20))
        #expect(observation.finishReason == "STOP")
        #expect(observation.sawEndMarker)
        for cut in 1..<bytes.count {
            #expect(decode([Array(bytes[..<cut]), Array(bytes[cut...])], streaming: false) == decode([bytes], streaming: false), "cut at \(cut)")
        }
    }

    @Test("a non-streamed error body is a stream error; a body without candidates or garbage is a parse error")
    func bodyOutcomes() {
        let error = decode([Array(#"{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}"#.utf8)], streaming: false)
        #expect(error.streamError == "Resource has been exhausted (e.g. check quota).")
        #expect(!error.sawEndMarker)
        #expect(error.parseErrors == 0)
        #expect(decode([Array(#"{"modelVersion":"x"}"#.utf8)], streaming: false).parseErrors == 1)
        #expect(decode([Array("data: {}".utf8)], streaming: false).parseErrors == 1)
        #expect(decode([], streaming: false) == ResponseObservation())
    }

    @Test("damaged streams: any split gives the same observation as one read, and nothing crashes")
    func damagedStreams() {
        let fixture = sse(stream) + sse(stream, lineEnding: "\n")
        let damage = Array("\n\r\"\\{}[]:,0 ".utf8) + [0x00, 0xC3, 0xFF]
        for seed in UInt64(1)...150 {
            var random = FuzzRandom(seed: seed ^ 0x6e31)
            var bytes = fixture
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = random.pick(damage)
            }
            let whole = decode([bytes])
            for _ in 0..<4 {
                let cuts = FuzzGen.cuts(count: bytes.count, &random)
                #expect(decode(FuzzGen.reads(bytes, cuts: cuts)) == whole, "seed \(seed), cuts \(cuts)")
            }
            _ = decode([bytes], streaming: false)
        }
    }
}
