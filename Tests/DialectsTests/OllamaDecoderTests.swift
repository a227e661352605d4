import Dialects
import Metrics
import Testing

/// Ollama's documented `/api/chat` stream: content lines, then the final line with `done: true`,
/// `done_reason`, the counts and the durations (nanoseconds).
private let chatStream = [
    #"{"model":"llama3.2","created_at":"2024-08-07T03:57:33.0365888Z","message":{"role":"assistant","content":"Hello"},"done":false}"#,
    #"{"model":"llama3.2","created_at":"2024-08-07T03:57:33.2801449Z","message":{"role":"assistant","content":"!"},"done":false}"#,
    #"{"model":"llama3.2","created_at":"2024-08-07T03:57:33.2901449Z","message":{"role":"assistant","content":" Hi"},"done":false}"#,
    #"{"model":"llama3.2","created_at":"2024-08-07T03:57:37.0774624Z","message":{"role":"assistant","content":""},"done_reason":"stop","done":true,"total_duration":4353619900,"load_duration":63915300,"prompt_eval_count":10,"prompt_eval_duration":246847000,"eval_count":17,"eval_duration":4032296000}"#,
]

/// A `/api/generate` stream from a thinking model: thinking lines, an empty line, a response line,
/// and the final line with `context`.
private let generateStream = [
    #"{"model":"qwen3","created_at":"2025-06-01T10:00:00.1Z","response":"","thinking":"Let me","done":false}"#,
    #"{"model":"qwen3","created_at":"2025-06-01T10:00:00.2Z","response":"","thinking":" think","done":false}"#,
    #"{"model":"qwen3","created_at":"2025-06-01T10:00:00.3Z","response":"","done":false}"#,
    #"{"model":"qwen3","created_at":"2025-06-01T10:00:00.4Z","response":"42","done":false}"#,
    #"{"model":"qwen3","created_at":"2025-06-01T10:00:00.5Z","response":"","done":true,"done_reason":"length","context":[1,2,3],"total_duration":500000000,"load_duration":1000000,"prompt_eval_count":3,"prompt_eval_duration":2500000,"eval_count":4,"eval_duration":400000000}"#,
]

private let chatTimings = ServerTimings(
    totalMs: 4_353_619_900 / 1e6, loadMs: 63_915_300 / 1e6, promptMs: 246_847_000 / 1e6, predictedMs: 4_032_296_000 / 1e6,
    promptTokens: 10, predictedTokens: 17
)

/// Lines joined by `\n`, with a final newline.
private func ndjson(_ lines: [String], ending: String = "\n") -> [UInt8] {
    Array(lines.map { $0 + ending }.joined().utf8)
}

/// Decodes `reads`, read `i` arriving at `times(i)`, ending at `finishAt`.
private func decode(
    _ reads: [[UInt8]], streaming: Bool = true, times: (Int) -> UInt64 = { _ in 7 }, finishAt: UInt64 = 7
) -> ResponseObservation {
    var decoder = OllamaDialect.chat.makeDecoder(streaming: streaming)
    for (index, read) in reads.enumerated() {
        decoder.consume(read, receivedAt: times(index))
    }
    return decoder.finish(at: finishAt)
}

@Suite("Ollama decoders")
struct OllamaDecoderTests {
    @Test("a chat stream gives content-line token times, usage, done_reason, server timings and the end marker")
    func chatStreamDecodes() {
        let observation = decode(chatStream.map { ndjson([$0]) }, times: { UInt64($0 + 1) * 1000 })
        #expect(observation.tokens.kept == [1000, 2000, 3000])
        #expect(observation.deltaCount == 3)
        #expect(observation.usage == TokenUsage(promptTokens: 10, completionTokens: 17))
        #expect(observation.outputTokens == 17)
        #expect(observation.finishReason == "stop")
        #expect(observation.serverTimings == chatTimings)
        #expect(observation.sawEndMarker)
        #expect(observation.parseErrors == 0)
        #expect(observation.streamError == nil)
    }

    @Test("a generate stream counts thinking and response lines, not empty ones")
    func generateStreamDecodes() {
        let observation = decode(generateStream.map { ndjson([$0]) }, times: { UInt64($0 + 1) * 1000 })
        #expect(observation.tokens.kept == [1000, 2000, 4000])
        #expect(observation.usage == TokenUsage(promptTokens: 3, completionTokens: 4))
        #expect(observation.finishReason == "length")
        #expect(observation.serverTimings == ServerTimings(totalMs: 500, loadMs: 1, promptMs: 2.5, predictedMs: 400, promptTokens: 3, predictedTokens: 4))
        #expect(observation.sawEndMarker)
    }

    @Test("chat thinking and a tool call count as tokens")
    func chatThinking() {
        let observation = decode([ndjson([
            #"{"model":"qwen3","message":{"role":"assistant","content":"","thinking":"Hmm"},"done":false}"#,
            #"{"model":"qwen3","message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"f","arguments":{}}}]},"done":false}"#,
        ])])
        #expect(observation.tokens.kept == [7, 7])
        #expect(!observation.sawEndMarker)
    }

    @Test("the stream split into two reads at every byte boundary gives the same observation")
    func everySplit() {
        for lines in [chatStream, generateStream] {
            let bytes = ndjson(lines)
            let whole = decode([bytes])
            #expect(whole.sawEndMarker && whole.parseErrors == 0)
            for cut in 1..<bytes.count {
                #expect(decode([Array(bytes[..<cut]), Array(bytes[cut...])]) == whole, "cut at \(cut)")
            }
        }
    }

    @Test("fed one byte per read, each token is stamped with the read holding its line's newline")
    func byteByByteTimes() {
        let bytes = ndjson(chatStream, ending: "\r\n")
        let newlines = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }
        let observation = decode(bytes.map { [$0] }, times: { UInt64($0) })
        #expect(observation.tokens.kept == newlines.prefix(3).map { UInt64($0) })
        #expect(observation.serverTimings == chatTimings)
        #expect(observation.sawEndMarker)
    }

    @Test("a last line without its newline is read at finish, stamped with the finish time")
    func unterminatedLastLine() {
        let bytes = ndjson(Array(chatStream.dropLast())) + Array(chatStream.last!.utf8)
        let observation = decode([bytes], times: { _ in 1000 }, finishAt: 5000)
        #expect(observation.sawEndMarker)
        #expect(observation.usage?.completionTokens == 17)
        let cutInLastToken = ndjson(Array(chatStream.prefix(2))) + Array(chatStream[2].utf8)
        #expect(decode([cutInLastToken], times: { _ in 1000 }, finishAt: 5000).tokens.kept == [1000, 1000, 5000])
    }

    @Test("an error line mid-stream is a stream error and no end marker")
    func midStreamError() {
        let observation = decode([ndjson(Array(chatStream.prefix(2)) + [#"{"error":"an error was encountered while running the model"}"#])])
        #expect(observation.streamError == "an error was encountered while running the model")
        #expect(observation.tokens.kept == [7, 7])
        #expect(!observation.sawEndMarker)
        #expect(observation.parseErrors == 0)
    }

    @Test("a stream cut before done: true is recorded as incomplete, with counted lines as output")
    func cutStream() {
        let observation = decode([ndjson(Array(chatStream.prefix(3)))])
        #expect(!observation.sawEndMarker)
        #expect(observation.usage == nil)
        #expect(observation.outputTokens == 3)
        #expect(observation.tokenSource == .deltas)
        #expect(observation.serverTimings == nil)
    }

    @Test("done: false on the last line, blank lines and whitespace around done are handled")
    func doneVariants() {
        #expect(!decode([ndjson([#"{"response":"a","done":false,"done_reason":"stop"}"#])]).sawEndMarker)
        #expect(decode([ndjson(["", "  ", #"{"response":"a","done" :  true }"#, ""])]).sawEndMarker)
        #expect(!decode([ndjson([#"{"response":"a","done":null}"#])]).sawEndMarker)
        #expect(decode([ndjson(["", "  ", #"{"done":true}"#])]).parseErrors == 0)
    }

    @Test("malformed or wrongly shaped lines each count one parse error and later lines still count", arguments: [
        #"{"done":tru}"#, #"{"done":"yes"}"#, #"{"done":1}"#, #"{"message":{"content":3}}"#, #"{"response":"a"} x"#,
        #"{"eval_count":"many"}"#, #"{"total_duration":"1s"}"#, "[1]", "{", #"{"message":{"content":"x}}"#,
    ])
    func malformed(line: String) {
        let observation = decode([ndjson([line, chatStream[0]])], times: { _ in 1000 })
        #expect(observation.parseErrors == 1)
        #expect(observation.tokens.kept == [1000])
    }

    @Test("a non-streamed body gives one token at its last bytes, usage, timings and the end marker")
    func body() {
        let text = #"{"model":"llama3.2","created_at":"2024-08-07T03:57:37Z","message":{"role":"assistant","content":"Hello! Hi"},"done_reason":"stop","done":true,"total_duration":4353619900,"load_duration":63915300,"prompt_eval_count":10,"prompt_eval_duration":246847000,"eval_count":17,"eval_duration":4032296000}"#
        let bytes = Array(text.utf8)
        let observation = decode([Array(bytes.prefix(9)), Array(bytes.dropFirst(9))], streaming: false, times: { UInt64($0 + 1) * 1000 }, finishAt: 9999)
        #expect(observation.tokens.kept == [2000])
        #expect(observation.deltaCount == 1)
        #expect(observation.usage == TokenUsage(promptTokens: 10, completionTokens: 17))
        #expect(observation.serverTimings == chatTimings)
        #expect(observation.finishReason == "stop")
        #expect(observation.sawEndMarker)
        for cut in 1..<bytes.count {
            #expect(decode([Array(bytes[..<cut]), Array(bytes[cut...])], streaming: false) == decode([bytes], streaming: false), "cut at \(cut)")
        }
    }

    @Test("a non-streamed generate body without done, an error body and garbage are told apart")
    func bodyOutcomes() {
        let notDone = decode([Array(#"{"response":"x","done":false}"#.utf8)], streaming: false)
        #expect(!notDone.sawEndMarker)
        #expect(notDone.parseErrors == 1)
        let error = decode([Array(#"{"error":"model requires more system memory"}"#.utf8)], streaming: false)
        #expect(error.streamError == "model requires more system memory")
        #expect(error.parseErrors == 0)
        #expect(!error.sawEndMarker)
        #expect(decode([Array("<html>".utf8)], streaming: false).parseErrors == 1)
        #expect(decode([Array(" \n".utf8)], streaming: false) == ResponseObservation())
        #expect(decode([], streaming: true) == ResponseObservation())
    }

    @Test("damaged streams: any split gives the same observation as one read, and nothing crashes")
    func damagedStreams() {
        let fixture = ndjson(chatStream) + ndjson(generateStream)
        let damage = Array("\n\r\"\\{}[]:,0 ".utf8) + [0x00, 0xC3, 0xFF]
        for seed in UInt64(1)...150 {
            var random = FuzzRandom(seed: seed ^ 0x01a7)
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
