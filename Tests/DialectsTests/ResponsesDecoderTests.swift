import Dialects
import Metrics
import Testing

/// A Responses API stream in the documented event shapes: lifecycle events, a reasoning item with
/// two summary deltas, a message item with output text deltas (one empty), a function call with
/// argument deltas, and `response.completed` with usage (reasoning tokens included).
private let stream: [(String, String)] = [
    ("response.created", #"{"type":"response.created","sequence_number":0,"response":{"id":"resp_67c9","object":"response","created_at":1741290958,"status":"in_progress","error":null,"incomplete_details":null,"model":"o4-mini","output":[],"usage":null}}"#),
    ("response.in_progress", #"{"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_67c9","object":"response","status":"in_progress","output":[],"usage":null}}"#),
    ("response.output_item.added", #"{"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"rs_1","type":"reasoning","summary":[]}}"#),
    ("response.reasoning_summary_part.added", #"{"type":"response.reasoning_summary_part.added","sequence_number":3,"item_id":"rs_1","output_index":0,"summary_index":0,"part":{"type":"summary_text","text":""}}"#),
    ("response.reasoning_summary_text.delta", #"{"type":"response.reasoning_summary_text.delta","sequence_number":4,"item_id":"rs_1","output_index":0,"summary_index":0,"delta":"**Weighing** the"}"#),
    ("response.reasoning_summary_text.delta", #"{"type":"response.reasoning_summary_text.delta","sequence_number":5,"item_id":"rs_1","output_index":0,"summary_index":0,"delta":" options"}"#),
    ("response.reasoning_summary_text.done", #"{"type":"response.reasoning_summary_text.done","sequence_number":6,"item_id":"rs_1","output_index":0,"summary_index":0,"text":"**Weighing** the options"}"#),
    ("response.output_item.done", #"{"type":"response.output_item.done","sequence_number":7,"output_index":0,"item":{"id":"rs_1","type":"reasoning","summary":[{"type":"summary_text","text":"**Weighing** the options"}]}}"#),
    ("response.output_item.added", #"{"type":"response.output_item.added","sequence_number":8,"output_index":1,"item":{"id":"msg_1","type":"message","status":"in_progress","role":"assistant","content":[]}}"#),
    ("response.content_part.added", #"{"type":"response.content_part.added","sequence_number":9,"item_id":"msg_1","output_index":1,"content_index":0,"part":{"type":"output_text","text":"","annotations":[]}}"#),
    ("response.output_text.delta", #"{"type":"response.output_text.delta","sequence_number":10,"item_id":"msg_1","output_index":1,"content_index":0,"delta":"Hi","logprobs":[]}"#),
    ("response.output_text.delta", #"{"type":"response.output_text.delta","sequence_number":11,"item_id":"msg_1","output_index":1,"content_index":0,"delta":"","logprobs":[]}"#),
    ("response.output_text.delta", #"{"type":"response.output_text.delta","sequence_number":12,"item_id":"msg_1","output_index":1,"content_index":0,"delta":" \"there\" é","logprobs":[]}"#),
    ("response.output_text.done", #"{"type":"response.output_text.done","sequence_number":13,"item_id":"msg_1","output_index":1,"content_index":0,"text":"Hi \"there\" é","logprobs":[]}"#),
    ("response.content_part.done", #"{"type":"response.content_part.done","sequence_number":14,"item_id":"msg_1","output_index":1,"content_index":0,"part":{"type":"output_text","text":"Hi \"there\" é","annotations":[]}}"#),
    ("response.output_item.done", #"{"type":"response.output_item.done","sequence_number":15,"output_index":1,"item":{"id":"msg_1","type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","text":"Hi \"there\" é","annotations":[]}]}}"#),
    ("response.output_item.added", #"{"type":"response.output_item.added","sequence_number":16,"output_index":2,"item":{"id":"fc_1","type":"function_call","status":"in_progress","arguments":"","call_id":"call_1","name":"get_weather"}}"#),
    ("response.function_call_arguments.delta", #"{"type":"response.function_call_arguments.delta","sequence_number":17,"item_id":"fc_1","output_index":2,"delta":"{\"location\":"}"#),
    ("response.function_call_arguments.delta", #"{"type":"response.function_call_arguments.delta","sequence_number":18,"item_id":"fc_1","output_index":2,"delta":"\"Paris\"}"}"#),
    ("response.function_call_arguments.done", #"{"type":"response.function_call_arguments.done","sequence_number":19,"item_id":"fc_1","output_index":2,"arguments":"{\"location\":\"Paris\"}"}"#),
    ("response.completed", #"{"type":"response.completed","sequence_number":20,"response":{"id":"resp_67c9","object":"response","status":"completed","error":null,"incomplete_details":null,"output":[{"id":"rs_1","type":"reasoning","summary":[{"type":"summary_text","text":"**Weighing** the options"}]},{"id":"msg_1","type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","text":"Hi \"there\" é","annotations":[]}]}],"usage":{"input_tokens":36,"input_tokens_details":{"cached_tokens":0},"output_tokens":87,"output_tokens_details":{"reasoning_tokens":64},"total_tokens":123}}}"#),
]

/// `event:` + `data:` server-sent events.
private func sse(_ events: [(String, String)], lineEnding: String = "\n") -> [UInt8] {
    Array(events.map { "event: \($0.0)\(lineEnding)data: \($0.1)\(lineEnding)\(lineEnding)" }.joined().utf8)
}

/// Decodes `reads`, read `i` arriving at `times(i)`, ending at `finishAt`.
private func decode(
    _ reads: [[UInt8]], streaming: Bool = true, times: (Int) -> UInt64 = { _ in 7 }, finishAt: UInt64 = 7
) -> ResponseObservation {
    var decoder = ResponsesDialect.responses.makeDecoder(streaming: streaming)
    for (index, read) in reads.enumerated() {
        decoder.consume(read, receivedAt: times(index))
    }
    return decoder.finish(at: finishAt)
}

@Suite("Responses API decoders")
struct ResponsesDecoderTests {
    @Test("reasoning summary, output text and function-call argument deltas are tokens of their kind; response.completed ends with usage")
    func streamDecodes() {
        let observation = decode(stream.map { sse([$0]) }, times: { UInt64($0 + 1) * 1000 })
        #expect(observation.tokens.kept == [5000, 6000, 11000, 13000, 18000, 19000])
        #expect(observation.deltaCount == 6)
        #expect(observation.reasoningDeltaCount == 2)
        #expect(observation.firstAnswerAt == 11000, "the first answer token follows the reasoning")
        #expect(observation.usage == TokenUsage(promptTokens: 36, completionTokens: 87, reasoningTokens: 64))
        #expect(observation.tokenSource == .usage)
        #expect(observation.finishReason == "completed")
        #expect(observation.sawEndMarker)
        #expect(observation.parseErrors == 0)
        #expect(observation.streamError == nil)
    }

    @Test("the stream split into two reads at every byte boundary gives the same observation")
    func everySplit() {
        for ending in ["\n", "\r\n"] {
            let bytes = sse(stream, lineEnding: ending)
            let whole = decode([bytes])
            #expect(whole.sawEndMarker && whole.tokens.count == 6)
            for cut in 1..<bytes.count {
                #expect(decode([Array(bytes[..<cut]), Array(bytes[cut...])]) == whole, "cut at \(cut)")
            }
        }
    }

    @Test("events typed only by their data (no event: line) decode alike")
    func dataOnly() {
        let bytes = Array(stream.map { "data: \($0.1)\n\n" }.joined().utf8)
        let observation = decode([bytes])
        #expect(observation.deltaCount == 6 && observation.reasoningDeltaCount == 2 && observation.sawEndMarker)
    }

    @Test("response.incomplete ends the stream with its reason (max_output_tokens) and usage, like a length stop")
    func incomplete() {
        let events = Array(stream.prefix(13)) + [
            ("response.incomplete", #"{"type":"response.incomplete","sequence_number":13,"response":{"id":"resp_67c9","object":"response","status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},"output":[],"usage":{"input_tokens":36,"output_tokens":16,"output_tokens_details":{"reasoning_tokens":12}}}}"#),
        ]
        let observation = decode([sse(events)])
        #expect(observation.sawEndMarker)
        #expect(observation.streamError == nil)
        #expect(observation.finishReason == "max_output_tokens")
        #expect(observation.usage == TokenUsage(promptTokens: 36, completionTokens: 16, reasoningTokens: 12))
    }

    @Test("response.failed and error events are stream errors with their message")
    func errors() {
        let failed = decode([sse(Array(stream.prefix(11)) + [
            ("response.failed", #"{"type":"response.failed","sequence_number":11,"response":{"id":"resp_67c9","object":"response","status":"failed","error":{"code":"server_error","message":"The model failed to generate a response."},"output":[],"usage":null}}"#),
        ])])
        #expect(failed.streamError == "The model failed to generate a response.")
        #expect(failed.tokens.count == 3)
        let error = decode([sse(Array(stream.prefix(2)) + [
            ("error", #"{"type":"error","sequence_number":2,"code":"ERR_SOMETHING","message":"Something went wrong","param":null}"#),
        ])])
        #expect(error.streamError == "Something went wrong")
        let coded = decode([sse([("error", #"{"type":"error","code":"rate_limit_exceeded","message":"","param":null}"#)])])
        #expect(coded.streamError == "rate_limit_exceeded")
        let plain = decode([sse([("error", "upstream closed")])])
        #expect(plain.streamError == "upstream closed")
    }

    @Test("a stream cut before response.completed has its tokens, no usage and no end marker")
    func cut() {
        let observation = decode([sse(Array(stream.prefix(14)))])
        #expect(!observation.sawEndMarker)
        #expect(observation.usage == nil)
        #expect(observation.deltaCount == 4)
        #expect(observation.outputTokens == 4)
    }

    @Test("a malformed event counts one parse error and decoding goes on")
    func malformed() {
        let events = Array(stream.prefix(10)) + [("response.output_text.delta", #"{"type":"response.output_text.delta","delta":"Hi"#)] + Array(stream.suffix(1))
        let observation = decode([sse(events)])
        #expect(observation.parseErrors == 1)
        #expect(observation.sawEndMarker)
        #expect(observation.deltaCount == 2)
    }

    @Test("a whole body: its output counts as one answer token, usage and status read, end marker set")
    func body() {
        let body = Array(#"{"id":"resp_1","object":"response","created_at":1741476542,"status":"completed","error":null,"incomplete_details":null,"model":"gpt-4.1","output":[{"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"Thinking."}]},{"type":"message","id":"msg_1","status":"completed","role":"assistant","content":[{"type":"output_text","text":"In a peaceful grove","annotations":[]}]}],"usage":{"input_tokens":36,"input_tokens_details":{"cached_tokens":0},"output_tokens":87,"output_tokens_details":{"reasoning_tokens":10},"total_tokens":123}}"#.utf8)
        let observation = decode([body], streaming: false, times: { _ in 42 }, finishAt: 50)
        #expect(observation.tokens.kept == [42])
        #expect(observation.deltaCount == 1 && observation.reasoningDeltaCount == 0)
        #expect(observation.firstAnswerAt == 42)
        #expect(observation.usage == TokenUsage(promptTokens: 36, completionTokens: 87, reasoningTokens: 10))
        #expect(observation.finishReason == "completed")
        #expect(observation.sawEndMarker)
        #expect(ResponsesDialect.responses.responseText(of: body, streaming: false) == "In a peaceful grove")
    }

    @Test("bodies: incomplete ends normally; failed and error bodies are stream errors; other JSON a parse error")
    func bodies() {
        let incomplete = decode([Array(#"{"object":"response","status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},"output":[{"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"Hmm"}]}],"usage":{"input_tokens":5,"output_tokens":16}}"#.utf8)], streaming: false)
        #expect(incomplete.sawEndMarker && incomplete.finishReason == "max_output_tokens")
        #expect(incomplete.reasoningDeltaCount == 1 && incomplete.firstAnswerAt == nil, "reasoning only: no answer token")
        let failed = decode([Array(#"{"object":"response","status":"failed","error":{"code":"server_error","message":"boom"},"output":[]}"#.utf8)], streaming: false)
        #expect(failed.streamError == "boom")
        let error = decode([Array(#"{"error":{"message":"Invalid model","type":"invalid_request_error","param":"model","code":null}}"#.utf8)], streaming: false)
        #expect(error.streamError == "Invalid model")
        let other = decode([Array(#"{"choices":[]}"#.utf8)], streaming: false)
        #expect(other.parseErrors == 1 && !other.sawEndMarker)
    }

    @Test("the answer text of a stream: output_text deltas only, reasoning and function arguments left out")
    func responseText() {
        #expect(ResponsesDialect.responses.responseText(of: sse(stream), streaming: true) == "Hi \"there\" é")
    }

    @Test("an HTTP error body gives its message")
    func errorBody() {
        let body = Array(#"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#.utf8)
        #expect(ResponsesDialect.responses.errorMessage(fromBody: body) == "Incorrect API key provided")
    }
}
