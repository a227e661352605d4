import Dialects
import Metrics
import Testing

/// One framed event of a response and what it should count as: its bytes (terminator included)
/// and the kind of token it bears, `nil` for none.
private struct Framed {
    var bytes: [UInt8]
    var kind: DeltaKind?
}

private func sse(_ json: String, _ kind: DeltaKind?, event: String? = nil) -> Framed {
    Framed(bytes: Array(((event.map { "event: \($0)\n" } ?? "") + "data: \(json)\n\n").utf8), kind: kind)
}

private func line(_ json: String, _ kind: DeltaKind?) -> Framed {
    Framed(bytes: Array((json + "\n").utf8), kind: kind)
}

private func frame(_ type: String, _ json: String, _ kind: DeltaKind?) -> Framed {
    Framed(bytes: bedrockEvent(type, json), kind: kind)
}

/// OpenAI-style chat stream from a reasoning model served by vLLM: role chunk, `reasoning_content`
/// and (newer vLLM) `reasoning` deltas, an answer delta, a tool call's name then argument deltas,
/// the finish chunk with usage counting 3 reasoning tokens, `[DONE]`.
private let openAIStream = [
    sse(#"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"deepseek-r1","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}"#, nil),
    sse(#"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"deepseek-r1","choices":[{"index":0,"delta":{"reasoning_content":"9.11 vs 9.8"},"logprobs":null,"finish_reason":null}]}"#, .reasoning),
    sse(#"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"deepseek-r1","choices":[{"index":0,"delta":{"reasoning":": compare tenths"},"logprobs":null,"finish_reason":null}]}"#, .reasoning),
    sse(#"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"deepseek-r1","choices":[{"index":0,"delta":{"content":"9.8"},"logprobs":null,"finish_reason":null}]}"#, .answer),
    sse(#"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"deepseek-r1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}"#, .toolArguments),
    sse(#"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"deepseek-r1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":\"Paris\"}"}}]},"finish_reason":null}]}"#, .toolArguments),
    sse(#"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"deepseek-r1","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":12,"completion_tokens":9,"completion_tokens_details":{"reasoning_tokens":3}}}"#, nil),
    sse("[DONE]", nil),
]

/// Ollama `/api/chat` stream with `think: true`: thinking lines, an answer line, a tool call (sent
/// whole), the final line.
private let ollamaStream = [
    line(#"{"model":"qwen3","created_at":"2025-05-29T09:35:56.8Z","message":{"role":"assistant","content":"","thinking":"Count"},"done":false}"#, .reasoning),
    line(#"{"model":"qwen3","created_at":"2025-05-29T09:35:56.9Z","message":{"role":"assistant","content":"","thinking":" the r's"},"done":false}"#, .reasoning),
    line(#"{"model":"qwen3","created_at":"2025-05-29T09:35:57.0Z","message":{"role":"assistant","content":"Three"},"done":false}"#, .answer),
    line(#"{"model":"qwen3","created_at":"2025-05-29T09:35:57.1Z","message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"get_weather","arguments":{"city":"Paris"}}}]},"done":false}"#, .toolArguments),
    line(#"{"model":"qwen3","created_at":"2025-05-29T09:35:57.2Z","message":{"role":"assistant","content":""},"done_reason":"stop","done":true,"total_duration":400000000,"prompt_eval_count":10,"eval_count":9,"eval_duration":300000000}"#, nil),
]

/// Anthropic Messages stream with extended thinking: a thinking block (two thinking deltas and a
/// signature delta), a text block, a tool-use block (an input JSON delta), `message_delta` with
/// the output count (thinking included), `message_stop`.
private let anthropicStream = [
    sse(#"{"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"output_tokens":1}}}"#, nil, event: "message_start"),
    sse(#"{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}"#, nil, event: "content_block_start"),
    sse(#"{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"27 * 453"}}"#, .reasoning, event: "content_block_delta"),
    sse(#"{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":" = 12231"}}"#, .reasoning, event: "content_block_delta"),
    sse(#"{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCgIYAhIM"}}"#, nil, event: "content_block_delta"),
    sse(#"{"type":"content_block_stop","index":0}"#, nil, event: "content_block_stop"),
    sse(#"{"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}"#, nil, event: "content_block_start"),
    sse(#"{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"12,231"}}"#, .answer, event: "content_block_delta"),
    sse(#"{"type":"content_block_stop","index":1}"#, nil, event: "content_block_stop"),
    sse(#"{"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_01","name":"get_weather","input":{}}}"#, nil, event: "content_block_start"),
    sse(#"{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{\"city\": \"Paris\"}"}}"#, .toolArguments, event: "content_block_delta"),
    sse(#"{"type":"content_block_stop","index":2}"#, nil, event: "content_block_stop"),
    sse(#"{"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":40}}"#, nil, event: "message_delta"),
    sse(#"{"type":"message_stop"}"#, nil, event: "message_stop"),
]

/// Gemini `streamGenerateContent?alt=sse` with `includeThoughts`: thought parts (`thought` before
/// and after `text`), an answer part, a `functionCall` part with the finish reason and usage
/// counting 20 thought tokens.
private let geminiStream = [
    sse(#"{"candidates":[{"content":{"parts":[{"text":"**Weighing the options**","thought":true}],"role":"model"},"index":0}],"usageMetadata":{"promptTokenCount":9,"totalTokenCount":29,"thoughtsTokenCount":20},"modelVersion":"gemini-2.5-flash"}"#, .reasoning),
    sse(#"{"candidates":[{"content":{"parts":[{"thought":true,"text":"Paris it is."}],"role":"model"},"index":0}],"modelVersion":"gemini-2.5-flash"}"#, .reasoning),
    sse(#"{"candidates":[{"content":{"parts":[{"text":"Checking the weather."}],"role":"model"},"index":0}],"modelVersion":"gemini-2.5-flash"}"#, .answer),
    sse(#"{"candidates":[{"content":{"parts":[{"functionCall":{"name":"get_weather","args":{"city":"Paris"}}}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":9,"candidatesTokenCount":8,"thoughtsTokenCount":20,"totalTokenCount":37},"modelVersion":"gemini-2.5-flash"}"#, .toolArguments),
]

/// Bedrock ConverseStream from Claude with thinking: a reasoning delta and its signature, a text
/// delta, a tool-use block (start, then an input delta), stop, metadata.
private let bedrockStream = [
    frame("messageStart", #"{"p":"abcd","role":"assistant"}"#, nil),
    frame("contentBlockDelta", #"{"contentBlockIndex":0,"delta":{"reasoningContent":{"text":"Paris, so weather."}},"p":"ab"}"#, .reasoning),
    frame("contentBlockDelta", #"{"contentBlockIndex":0,"delta":{"reasoningContent":{"signature":"c2ln"}},"p":"ab"}"#, nil),
    frame("contentBlockStop", #"{"contentBlockIndex":0,"p":"abc"}"#, nil),
    frame("contentBlockDelta", #"{"contentBlockIndex":1,"delta":{"text":"Checking."},"p":"abcd"}"#, .answer),
    frame("contentBlockStart", #"{"contentBlockIndex":2,"start":{"toolUse":{"toolUseId":"tooluse_1","name":"get_weather"}},"p":"a"}"#, nil),
    frame("contentBlockDelta", #"{"contentBlockIndex":2,"delta":{"toolUse":{"input":"{\"city\":\"Paris\"}"}},"p":"ab"}"#, .toolArguments),
    frame("messageStop", #"{"p":"abc","stopReason":"tool_use"}"#, nil),
    frame("metadata", #"{"metrics":{"latencyMs":210},"p":"a","usage":{"inputTokens":12,"outputTokens":30,"totalTokens":42}}"#, nil),
]

/// Decodes `events` cut into two reads at every byte boundary (the first read at 1000 ns, the
/// second at 2000 ns) and checks each observation against what the events' kinds say: one stamp
/// per token-bearing event, at the read that completed it; the reasoning deltas; the first answer
/// time at the first answer or tool-call event; the end marker.
private func checkEverySplit(
    _ events: [Framed], decoder makeDecoder: () -> any ResponseDecoder, sourceLocation: SourceLocation = #_sourceLocation
) {
    let bytes = events.flatMap(\.bytes)
    var ends: [Int] = []
    var offset = 0
    for event in events {
        offset += event.bytes.count
        ends.append(offset)
    }
    let reasoningCount = events.filter { $0.kind == .reasoning }.count
    for cut in 1..<bytes.count {
        var decoder = makeDecoder()
        decoder.consume(Array(bytes[..<cut]), receivedAt: 1000)
        decoder.consume(Array(bytes[cut...]), receivedAt: 2000)
        let observation = decoder.finish(at: 3000)
        let stamps = events.indices.filter { events[$0].kind != nil }.map { UInt64(ends[$0] <= cut ? 1000 : 2000) }
        let firstAnswer = events.indices.first { events[$0].kind == .answer || events[$0].kind == .toolArguments }
        #expect(observation.tokens.kept == stamps, "cut at \(cut)", sourceLocation: sourceLocation)
        #expect(observation.deltaCount == stamps.count, "cut at \(cut)", sourceLocation: sourceLocation)
        #expect(observation.reasoningDeltaCount == reasoningCount, "cut at \(cut)", sourceLocation: sourceLocation)
        #expect(observation.firstAnswerAt == firstAnswer.map { UInt64(ends[$0] <= cut ? 1000 : 2000) }, "cut at \(cut)", sourceLocation: sourceLocation)
        #expect(observation.sawEndMarker && observation.parseErrors == 0, "cut at \(cut)", sourceLocation: sourceLocation)
    }
}

/// Decodes `events` one read each, read `i` at `(i + 1) * 1000` ns.
private func decodeEach(_ events: [Framed], decoder: any ResponseDecoder) -> ResponseObservation {
    Fixtures.decode(decoder, feeds: events.map(\.bytes))
}

@Suite("Reasoning and tool-call deltas in the decoders")
struct ReasoningDecoderTests {
    @Test("OpenAI reasoning_content and reasoning deltas are reasoning; the answer and tool-call arguments set the first answer time, at every split")
    func openAIEverySplit() {
        checkEverySplit(openAIStream) { OpenAIDialect.chat.makeDecoder(streaming: true) }
        let observation = decodeEach(openAIStream, decoder: OpenAIDialect.chat.makeDecoder(streaming: true))
        #expect(observation.firstTokenAt == 2000)
        #expect(observation.firstAnswerAt == 4000)
        #expect(observation.reasoningTokens == 3)
    }

    @Test("Ollama thinking lines are reasoning; content and a tool call are answers, at every split")
    func ollamaEverySplit() {
        checkEverySplit(ollamaStream) { OllamaDialect.chat.makeDecoder(streaming: true) }
        let observation = decodeEach(ollamaStream, decoder: OllamaDialect.chat.makeDecoder(streaming: true))
        #expect(observation.firstAnswerAt == 3000)
        #expect(observation.reasoningTokens == 2)
    }

    @Test("Anthropic thinking deltas are reasoning, input_json_delta is tool-call arguments, at every split")
    func anthropicEverySplit() {
        checkEverySplit(anthropicStream) { AnthropicDialect.messages.makeDecoder(streaming: true) }
        let observation = decodeEach(anthropicStream, decoder: AnthropicDialect.messages.makeDecoder(streaming: true))
        #expect(observation.firstTokenAt == 3000)
        #expect(observation.firstAnswerAt == 8000)
        #expect(observation.reasoningTokens == 2)
        #expect(observation.outputTokens == 40)
    }

    @Test("Gemini thought parts are reasoning whichever member comes first; a functionCall part is tool-call arguments, at every split")
    func geminiEverySplit() {
        checkEverySplit(geminiStream) { GeminiDialect.gemini.makeDecoder(streaming: true) }
        let observation = decodeEach(geminiStream, decoder: GeminiDialect.gemini.makeDecoder(streaming: true))
        #expect(observation.firstAnswerAt == 3000)
        #expect(observation.reasoningTokens == 20)
    }

    @Test("Bedrock reasoningContent deltas are reasoning, toolUse input deltas tool-call arguments, at every split")
    func bedrockEverySplit() {
        checkEverySplit(bedrockStream) { BedrockDialect.converse.makeDecoder(streaming: true) }
        let observation = decodeEach(bedrockStream, decoder: BedrockDialect.converse.makeDecoder(streaming: true))
        #expect(observation.firstAnswerAt == 5000)
        #expect(observation.reasoningTokens == 1)
    }

    @Test("a tool call after reasoning, with no answer text, is the first answer")
    func toolCallIsFirstAnswer() {
        let events = [openAIStream[1], openAIStream[4], openAIStream[5], openAIStream[6], openAIStream[7]]
        let observation = decodeEach(events, decoder: OpenAIDialect.chat.makeDecoder(streaming: true))
        #expect(observation.tokens.kept == [1000, 2000, 3000])
        #expect(observation.firstAnswerAt == 2000)
    }

    @Test("one chunk with a reasoning choice and an answer choice is one stamp, two deltas, one of them reasoning")
    func mixedChunk() {
        let chunk = #"{"choices":[{"index":0,"delta":{"reasoning_content":"hm"}},{"index":1,"delta":{"content":"Hi"}}]}"#
        let observation = Fixtures.decodeStream([chunk, "[DONE]"])
        #expect(observation.tokens.kept == [1000])
        #expect(observation.deltaCount == 2)
        #expect(observation.reasoningDeltaCount == 1)
        #expect(observation.firstAnswerAt == 1000)
        #expect(observation.reasoningTokens == 1)
    }

    @Test("a choice carrying both reasoning and answer text counts as one answer delta")
    func bothKindsInOneDelta() {
        let observation = Fixtures.decodeStream([#"{"choices":[{"index":0,"delta":{"reasoning_content":"so","content":"Yes"}}]}"#])
        #expect(observation.deltaCount == 1)
        #expect(observation.reasoningDeltaCount == 0)
        #expect(observation.firstAnswerAt == 1000)
    }

    @Test("Mistral thinking content parts are reasoning, text parts answers")
    func mistralThinkingParts() {
        let observation = Fixtures.decodeStream([
            #"{"choices":[{"index":0,"delta":{"content":[{"type":"thinking","thinking":[{"type":"text","text":"Let me see"}]}]}}]}"#,
            #"{"choices":[{"index":0,"delta":{"content":[{"type":"text","text":"Done"}]}}]}"#,
        ])
        #expect(observation.reasoningDeltaCount == 1)
        #expect(observation.firstAnswerAt == 2000)
    }

    @Test("without reasoning, the first answer is the first token and no reasoning count is reported")
    func noReasoning() {
        let observation = Fixtures.decodeStream(Fixtures.vllmChat)
        #expect(observation.firstAnswerAt == observation.firstTokenAt)
        #expect(observation.reasoningTokens == nil)
    }

    @Test("a stream of reasoning only has no first answer")
    func reasoningOnly() {
        let observation = decodeEach(Array(anthropicStream.prefix(6)), decoder: AnthropicDialect.messages.makeDecoder(streaming: true))
        #expect(observation.tokens.count == 2)
        #expect(observation.firstAnswerAt == nil)
    }

    @Test(
        "a non-streamed body with reasoning and an answer is one token, an answer at the body's time",
        arguments: [
            ("openai", #"{"id":"c","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","reasoning_content":"Compare.","content":"9.8"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":8,"completion_tokens_details":{"reasoning_tokens":6}}}"#),
            ("ollama", #"{"model":"qwen3","created_at":"2025-05-29T09:35:57Z","message":{"role":"assistant","content":"Three","thinking":"Count."},"done_reason":"stop","done":true,"eval_count":8}"#),
            ("anthropic", #"{"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"thinking","thinking":"Hmm","signature":"x"},{"type":"text","text":"Hi!"}],"stop_reason":"end_turn","usage":{"input_tokens":12,"output_tokens":8}}"#),
            ("gemini", #"{"candidates":[{"content":{"parts":[{"text":"Hmm","thought":true},{"text":"Hi"}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":4,"candidatesTokenCount":2,"thoughtsTokenCount":6}}"#),
            ("bedrock", #"{"output":{"message":{"role":"assistant","content":[{"reasoningContent":{"reasoningText":{"text":"Hmm","signature":"x"}}},{"text":"Hi"}]}},"stopReason":"end_turn","usage":{"inputTokens":4,"outputTokens":8,"totalTokens":12},"metrics":{"latencyMs":90}}"#),
        ]
    )
    func bodies(dialect: String, body: String) {
        let observation = Fixtures.decode(Self.decoder(dialect, streaming: false), feeds: [Array(body.utf8)])
        #expect(observation.tokens.kept == [1000])
        #expect(observation.firstAnswerAt == 1000)
        #expect(observation.sawEndMarker)
    }

    @Test(
        "a non-streamed body of reasoning only has no first answer; one with only a tool call has one",
        arguments: [
            ("anthropic", #"{"type":"message","role":"assistant","content":[{"type":"thinking","thinking":"Hmm","signature":"x"}],"stop_reason":"max_tokens","usage":{"input_tokens":1,"output_tokens":8}}"#, false),
            ("bedrock", #"{"output":{"message":{"role":"assistant","content":[{"reasoningContent":{"reasoningText":{"text":"Hmm"}}}]}},"stopReason":"max_tokens"}"#, false),
            ("openai", #"{"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{}"}}]},"finish_reason":"tool_calls"}]}"#, true),
            ("anthropic", #"{"type":"message","role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}}],"stop_reason":"tool_use"}"#, true),
            ("bedrock", #"{"output":{"message":{"role":"assistant","content":[{"toolUse":{"toolUseId":"t1","name":"get_weather","input":{"city":"Paris"}}}]}},"stopReason":"tool_use"}"#, true),
            ("gemini", #"{"candidates":[{"content":{"parts":[{"functionCall":{"name":"get_weather","args":{}}}],"role":"model"},"finishReason":"STOP"}]}"#, true),
            ("ollama", #"{"model":"m","message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"get_weather","arguments":{}}}]},"done":true}"#, true),
        ]
    )
    func bodyKinds(dialect: String, body: String, isAnswer: Bool) {
        let observation = Fixtures.decode(Self.decoder(dialect, streaming: false), feeds: [Array(body.utf8)])
        #expect(observation.tokens.kept == [1000])
        #expect(observation.firstAnswerAt == (isAnswer ? 1000 : nil))
        #expect(observation.reasoningDeltaCount == (isAnswer ? 0 : 1))
    }

    private static func decoder(_ dialect: String, streaming: Bool) -> any ResponseDecoder {
        switch dialect {
        case "openai": OpenAIDialect.chat.makeDecoder(streaming: streaming)
        case "ollama": OllamaDialect.chat.makeDecoder(streaming: streaming)
        case "anthropic": AnthropicDialect.messages.makeDecoder(streaming: streaming)
        case "gemini": GeminiDialect.gemini.makeDecoder(streaming: streaming)
        default: BedrockDialect.converse.makeDecoder(streaming: streaming)
        }
    }
}
