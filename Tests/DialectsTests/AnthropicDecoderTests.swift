import Dialects
import Metrics
import Testing

/// A documented Messages stream with cache usage, a thinking block (thinking and signature deltas),
/// a ping, a text block, a tool-use block (input JSON deltas), `message_delta` and `message_stop`.
private let stream: [(String, String)] = [
    ("message_start", #"{"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"cache_creation_input_tokens":100,"cache_read_input_tokens":50,"output_tokens":1}}}"#),
    ("content_block_start", #"{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}"#),
    ("ping", #"{"type": "ping"}"#),
    ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Let me solve this:\n\n1. 27 * 453"}}"#),
    ("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCgIYAhIM1gbcDa9GJwZA2b3h"}}"#),
    ("content_block_stop", #"{"type":"content_block_stop","index":0}"#),
    ("content_block_start", #"{"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}"#),
    ("content_block_delta", #"{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Hello"}}"#),
    ("content_block_delta", #"{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":""}}"#),
    ("content_block_delta", #"{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":" \"world\" é"}}"#),
    ("content_block_stop", #"{"type":"content_block_stop","index":1}"#),
    ("content_block_start", #"{"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_01","name":"get_weather","input":{}}}"#),
    ("content_block_delta", #"{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{\"location\": \"Par"}}"#),
    ("content_block_stop", #"{"type":"content_block_stop","index":2}"#),
    ("message_delta", #"{"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":89}}"#),
    ("message_stop", #"{"type":"message_stop"}"#),
]

/// `event:` + `data:` server-sent events.
private func sse(_ events: [(String, String)], lineEnding: String = "\n") -> [UInt8] {
    Array(events.map { "event: \($0.0)\(lineEnding)data: \($0.1)\(lineEnding)\(lineEnding)" }.joined().utf8)
}

/// Decodes `reads`, read `i` arriving at `times(i)`, ending at `finishAt`.
private func decode(
    _ reads: [[UInt8]], streaming: Bool = true, times: (Int) -> UInt64 = { _ in 7 }, finishAt: UInt64 = 7
) -> ResponseObservation {
    var decoder = AnthropicDialect.messages.makeDecoder(streaming: streaming)
    for (index, read) in reads.enumerated() {
        decoder.consume(read, receivedAt: times(index))
    }
    return decoder.finish(at: finishAt)
}

@Suite("Anthropic decoders")
struct AnthropicDecoderTests {
    @Test("text, thinking and tool-input deltas are tokens; usage adds cache tokens to the prompt; stop reason and message_stop")
    func streamDecodes() {
        let observation = decode(stream.map { sse([$0]) }, times: { UInt64($0 + 1) * 1000 })
        #expect(observation.tokens.kept == [4000, 8000, 10000, 13000])
        #expect(observation.deltaCount == 4)
        #expect(observation.usage == TokenUsage(promptTokens: 175, completionTokens: 89))
        #expect(observation.outputTokens == 89)
        #expect(observation.tokenSource == .usage)
        #expect(observation.finishReason == "tool_use")
        #expect(observation.sawEndMarker)
        #expect(observation.parseErrors == 0)
        #expect(observation.streamError == nil)
    }

    @Test("the stream split into two reads at every byte boundary gives the same observation")
    func everySplit() {
        for ending in ["\n", "\r\n"] {
            let bytes = sse(stream, lineEnding: ending)
            let whole = decode([bytes])
            #expect(whole.sawEndMarker && whole.tokens.count == 4)
            for cut in 1..<bytes.count {
                #expect(decode([Array(bytes[..<cut]), Array(bytes[cut...])]) == whole, "cut at \(cut)")
            }
        }
    }

    @Test("fed one byte per read, each token is stamped with the read ending its event")
    func byteByByteTimes() {
        let bytes = sse(stream)
        let ends = bytes.indices.filter { $0 > 0 && bytes[$0] == UInt8(ascii: "\n") && bytes[$0 - 1] == UInt8(ascii: "\n") }
        let observation = decode(bytes.map { [$0] }, times: { UInt64($0) })
        #expect(observation.tokens.kept == [3, 7, 9, 12].map { UInt64(ends[$0]) })
    }

    @Test("a stream cut before message_delta keeps the prompt usage and counts deltas as output")
    func cutBeforeMessageDelta() {
        let observation = decode([sse(Array(stream.prefix(10)))])
        #expect(observation.usage == TokenUsage(promptTokens: 175, completionTokens: nil))
        #expect(observation.outputTokens == 3)
        #expect(observation.tokenSource == .deltas)
        #expect(!observation.sawEndMarker)
    }

    @Test("message_delta usage is cumulative and may restate the prompt counts")
    func cumulativeUsage() {
        let observation = decode([sse([
            stream[0],
            ("message_delta", #"{"type":"message_delta","delta":{"stop_reason":null},"usage":{"output_tokens":5}}"#),
            ("message_delta", #"{"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"input_tokens":30,"cache_creation_input_tokens":0,"cache_read_input_tokens":null,"output_tokens":12}}"#),
            ("message_stop", #"{"type":"message_stop"}"#),
        ])])
        #expect(observation.usage == TokenUsage(promptTokens: 80, completionTokens: 12))
        #expect(observation.finishReason == "max_tokens")
        #expect(observation.sawEndMarker)
    }

    @Test("an error event is a stream error, with its message or else its type")
    func errorEvent() {
        let overloaded = decode([sse(Array(stream.prefix(8)) + [("error", #"{"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}"#)])])
        #expect(overloaded.streamError == "Overloaded")
        #expect(overloaded.tokens.count == 2)
        #expect(!overloaded.sawEndMarker)
        #expect(overloaded.parseErrors == 0)
        #expect(decode([sse([("error", #"{"type":"error","error":{"type":"api_error"}}"#)])]).streamError == "api_error")
        #expect(decode([sse([("error", "upstream connect error")])]).streamError == "upstream connect error")
    }

    @Test("the data's type wins; the event name is used when the data has none; unknown events are ignored")
    func eventTypes() {
        let observation = decode([sse([
            ("message", #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a"}}"#),
            ("content_block_delta", #"{"index":0,"delta":{"type":"text_delta","text":"b"}}"#),
            ("future_event", #"{"type":"future_event","delta":{"text":"not a token"}}"#),
            ("message_stop", "{}"),
        ])])
        #expect(observation.tokens.count == 2)
        #expect(observation.sawEndMarker)
        #expect(observation.parseErrors == 0)
    }

    @Test("malformed or wrongly shaped event data each count one parse error", arguments: [
        #"{"type":"content_block_delta","delta":{"text":5}}"#, #"{"type":"message_delta","usage":{"output_tokens":"x"}}"#,
        #"{"type":"message_start","message":{"usage":{"input_tokens":1.5}}}"#, #"{"type":"ping"} x"#, "[1]", "{",
        #"{"type":"message_delta","delta":{"stop_reason":3}}"#,
    ])
    func malformed(data: String) {
        let observation = decode([sse([("x", data), stream[7]])], times: { _ in 1000 })
        #expect(observation.parseErrors == 1)
        #expect(observation.tokens.kept == [1000])
    }

    @Test("a non-streamed message gives one token at its last bytes, usage with cache, stop reason and the end marker")
    func body() {
        let text = #"{"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"thinking","thinking":"Hmm","signature":"x"},{"type":"text","text":"Hi!"}],"stop_reason":"max_tokens","stop_sequence":null,"usage":{"input_tokens":12,"cache_creation_input_tokens":0,"cache_read_input_tokens":4,"output_tokens":6,"service_tier":"standard"}}"#
        let bytes = Array(text.utf8)
        let observation = decode([Array(bytes.prefix(9)), Array(bytes.dropFirst(9))], streaming: false, times: { UInt64($0 + 1) * 1000 }, finishAt: 9999)
        #expect(observation.tokens.kept == [2000])
        #expect(observation.deltaCount == 1)
        #expect(observation.usage == TokenUsage(promptTokens: 16, completionTokens: 6))
        #expect(observation.finishReason == "max_tokens")
        #expect(observation.sawEndMarker)
        #expect(observation.parseErrors == 0)
        for cut in 1..<bytes.count {
            #expect(decode([Array(bytes[..<cut]), Array(bytes[cut...])], streaming: false) == decode([bytes], streaming: false), "cut at \(cut)")
        }
    }

    @Test("a non-streamed error body is a stream error; a tool-only message is one answer token; garbage is a parse error")
    func bodyOutcomes() {
        let error = decode([Array(#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#.utf8)], streaming: false)
        #expect(error.streamError == "Overloaded")
        #expect(!error.sawEndMarker)
        #expect(error.parseErrors == 0)
        let toolOnly = decode([Array(#"{"type":"message","content":[{"type":"tool_use","id":"t","name":"f","input":{"text":"x"}}],"stop_reason":"tool_use"}"#.utf8)], streaming: false)
        #expect(toolOnly.tokens.kept == [7])
        #expect(toolOnly.firstAnswerAt == 7)
        #expect(toolOnly.sawEndMarker)
        #expect(decode([Array(#"{"type":"message"}"#.utf8)], streaming: false).parseErrors == 1)
        #expect(decode([Array("{\"content\":[".utf8)], streaming: false).parseErrors == 1)
        #expect(decode([], streaming: false) == ResponseObservation())
    }

    @Test("damaged streams: any split gives the same observation as one read, and nothing crashes")
    func damagedStreams() {
        let fixture = sse(stream) + sse(stream, lineEnding: "\r\n")
        let damage = Array("\n\r\"\\{}[]:,0 ".utf8) + [0x00, 0xC3, 0xFF]
        for seed in UInt64(1)...150 {
            var random = FuzzRandom(seed: seed ^ 0x0a27)
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
