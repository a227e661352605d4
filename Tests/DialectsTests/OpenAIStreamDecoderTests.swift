import Dialects
import Metrics
import Testing

@Suite("OpenAI stream decoder")
struct OpenAIStreamDecoderTests {
    @Test("a vLLM chat stream gives token times of content chunks only, usage, finish reason and the end marker")
    func vllmChat() {
        let observation = Fixtures.decodeStream(Fixtures.vllmChat + ["[DONE]"])
        #expect(observation.tokens.kept == [2000, 3000, 4000])
        #expect(observation.deltaCount == 3)
        #expect(observation.usage == TokenUsage(promptTokens: 12, completionTokens: 4))
        #expect(observation.outputTokens == 4)
        #expect(observation.tokenSource == .usage)
        #expect(observation.finishReason == "length")
        #expect(observation.sawEndMarker)
        #expect(observation.parseErrors == 0)
        #expect(observation.streamError == nil)
        #expect(observation.serverTimings == nil)
        #expect(observation.firstTokenAt == 2000)
    }

    @Test("a llama.cpp stream reports server timings with its usage")
    func llamaCpp() {
        let observation = Fixtures.decodeStream(Fixtures.llamaCppChat + ["[DONE]"])
        #expect(observation.tokens.kept == [2000, 3000])
        #expect(observation.usage == TokenUsage(promptTokens: 5, completionTokens: 2))
        #expect(observation.finishReason == "stop")
        #expect(observation.serverTimings == ServerTimings(promptMs: 12.5, predictedMs: 30.25, promptTokens: 5, predictedTokens: 2))
        #expect(observation.sawEndMarker)
    }

    @Test("without a usage chunk the output tokens come from counted deltas")
    func noUsage() {
        let observation = Fixtures.decodeStream(Array(Fixtures.vllmChat.dropLast()) + ["[DONE]"])
        #expect(observation.usage == nil)
        #expect(observation.outputTokens == 3)
        #expect(observation.tokenSource == .deltas)
        #expect(observation.sawEndMarker)
    }

    @Test("all events completed by one read share that read's time")
    func sharedReadTime() {
        let observation = Fixtures.decode(
            OpenAIDialect.chat.makeDecoder(streaming: true),
            feeds: [Fixtures.stream(Array(Fixtures.vllmChat.prefix(3))), Fixtures.stream(Array(Fixtures.vllmChat.dropFirst(3)) + ["[DONE]"])]
        )
        #expect(observation.tokens.kept == [1000, 1000, 2000])
    }

    @Test("reasoning_content and reasoning deltas count as tokens, with reasoning tokens from usage")
    func reasoning() {
        let observation = Fixtures.decodeStream([
            #"{"choices":[{"index":0,"delta":{"role":"assistant","content":null,"reasoning_content":"Let me"}}]}"#,
            #"{"choices":[{"index":0,"delta":{"reasoning":" think"}}]}"#,
            #"{"choices":[{"index":0,"delta":{"content":"42"}}]}"#,
            #"{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":9,"completion_tokens_details":{"reasoning_tokens":6}}}"#,
            "[DONE]",
        ])
        #expect(observation.tokens.kept == [1000, 2000, 3000])
        #expect(observation.deltaCount == 3)
        #expect(observation.usage == TokenUsage(promptTokens: 3, completionTokens: 9, reasoningTokens: 6))
    }

    @Test("array-valued content parts, as Mistral sends them, count as tokens when they hold text")
    func contentParts() {
        let observation = Fixtures.decodeStream([
            #"{"choices":[{"index":0,"delta":{"role":"assistant","content":[{"type":"thinking","thinking":[{"type":"text","text":"Hmm"}]}]}}]}"#,
            #"{"choices":[{"index":0,"delta":{"content":[{"type":"text","text":""}]}}]}"#,
            #"{"choices":[{"index":0,"delta":{"content":[{"type":"text","text":"Yes"}]}}]}"#,
            "[DONE]",
        ])
        #expect(observation.tokens.kept == [1000, 3000])
        #expect(observation.parseErrors == 0)
    }

    @Test("a stream cut before [DONE] is recorded as incomplete")
    func cutStream() {
        let observation = Fixtures.decodeStream(Array(Fixtures.vllmChat.prefix(3)))
        #expect(!observation.sawEndMarker)
        #expect(observation.tokens.kept == [2000, 3000])
    }

    @Test("a [DONE] event missing its final blank line still counts as the end marker")
    func doneWithoutBlankLine() {
        let bytes = Fixtures.stream(Array(Fixtures.vllmChat.prefix(2))) + Array("data: [DONE]\n".utf8)
        let observation = Fixtures.decode(OpenAIDialect.chat.makeDecoder(streaming: true), feeds: [bytes])
        #expect(observation.sawEndMarker)
    }

    @Test("an error object inside the stream is reported as a stream error")
    func errorObject() {
        let observation = Fixtures.decodeStream([
            Fixtures.vllmChat[1],
            #"{"error":{"object":"error","message":"CUDA out of memory.\nTried to allocate","type":"InternalServerError","code":500}}"#,
        ])
        #expect(observation.streamError == "CUDA out of memory. Tried to allocate")
        #expect(observation.tokens.kept == [1000])
        #expect(!observation.sawEndMarker)
        #expect(observation.parseErrors == 0)
    }

    @Test("a TGI-style string error is reported as a stream error")
    func stringError() {
        let observation = Fixtures.decodeStream([#"{"error":"Input validation error","error_type":"validation"}"#])
        #expect(observation.streamError == "Input validation error")
    }

    @Test("a garbage event counts one parse error and later tokens are still counted")
    func garbageEvent() {
        let observation = Fixtures.decodeStream([Fixtures.vllmChat[1], "not json {", Fixtures.vllmChat[2], "[DONE]"])
        #expect(observation.parseErrors == 1)
        #expect(observation.tokens.kept == [1000, 3000])
        #expect(observation.deltaCount == 2)
        #expect(observation.sawEndMarker)
    }

    @Test("malformed or wrongly shaped chunks each count one parse error", arguments: [
        #"{"choices":[}"#, #"{"a":1,}"#, #"{"a" 1}"#, #"{"a":tru}"#, #"{"a":1} x"#, "[1]", #""text""#,
        #"{"choices":[{"delta":{"content":"x}}]}"#, #"{"choices":[{"finish_reason":3}]}"#,
        #"{"usage":{"completion_tokens":"many"}}"#, #"{"choices":[{"text":"\q"}]}"#, "{",
    ])
    func malformed(payload: String) {
        let observation = Fixtures.decodeStream([payload, Fixtures.vllmChat[1]])
        #expect(observation.parseErrors == 1)
        #expect(observation.tokens.kept == [2000])
    }

    @Test("unknown nested fields are skipped and escaped strings are decoded")
    func nestedAndEscaped() {
        let observation = Fixtures.decodeStream([
            #"{"x":{"y":[1,-2.5e3,true,false,null,{"z":"\\"}],"w":{}},"choices":[{"logprobs":{"content":[{"token":"\u00e9","logprob":-0.1,"bytes":[195,169]}]},"delta":{"content":"\u00e9"},"finish_reason":"stop\u00e9\ud83d\ude00\n"}],"usage":{"prompt_tokens":1.0,"completion_tokens":2,"completion_tokens_details":null}}"#,
            #"{"error":{"message":"say \"no\"\t\/ok","code":1}}"#,
        ])
        #expect(observation.parseErrors == 0)
        #expect(observation.tokens.kept == [1000])
        #expect(observation.finishReason == "stop\u{e9}\u{1F600}\n")
        #expect(observation.usage == TokenUsage(promptTokens: 1, completionTokens: 2))
        #expect(observation.streamError == "say \"no\" /ok")
    }

    @Test("a completions stream counts non-empty text chunks")
    func completionsStream() {
        let observation = Fixtures.decode(
            OpenAIDialect.completions.makeDecoder(streaming: true),
            feeds: [Fixtures.stream([
                #"{"id":"cmpl-1","object":"text_completion","choices":[{"index":0,"text":"Once","logprobs":null,"finish_reason":null}],"usage":null}"#,
                #"{"id":"cmpl-1","object":"text_completion","choices":[{"index":0,"text":"","logprobs":null,"finish_reason":null}],"usage":null}"#,
                #"{"id":"cmpl-1","object":"text_completion","choices":[{"index":0,"text":" upon","logprobs":null,"finish_reason":"length"}],"usage":null}"#,
            ]), Fixtures.stream([#"{"id":"cmpl-1","choices":[],"usage":{"prompt_tokens":4,"completion_tokens":2,"total_tokens":6}}"#, "[DONE]"])]
        )
        #expect(observation.tokens.kept == [1000, 1000])
        #expect(observation.finishReason == "length")
        #expect(observation.usage?.completionTokens == 2)
        #expect(observation.sawEndMarker)
    }

    @Test("a streaming request answered with a plain JSON body is decoded as that body")
    func plainBodyFallback() {
        let body = Array(#"{"choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1}}"#.utf8)
        let observation = Fixtures.decode(OpenAIDialect.chat.makeDecoder(streaming: true), feeds: [Array(body.prefix(10)), Array(body.dropFirst(10))])
        #expect(observation.tokens.kept == [999_999])
        #expect(observation.usage?.completionTokens == 1)
        #expect(observation.finishReason == "stop")
    }

    @Test("an empty stream observes nothing")
    func emptyStream() {
        let observation = Fixtures.decode(OpenAIDialect.chat.makeDecoder(streaming: true), feeds: [])
        #expect(observation == ResponseObservation())
    }
}
