import Dialects
import Metrics
import Testing

@Suite("OpenAI body decoder")
struct OpenAIBodyDecoderTests {
    private func decode(_ body: String, split: Int = 7) -> ResponseObservation {
        let bytes = Array(body.utf8)
        return Fixtures.decode(
            OpenAIDialect.chat.makeDecoder(streaming: false),
            feeds: [Array(bytes.prefix(split)), Array(bytes.dropFirst(split))]
        )
    }

    @Test("a chat completion body gives one token time at its last bytes, usage and finish reason")
    func chatBody() {
        let observation = decode(#"{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Hello there","reasoning_content":null},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}"#)
        #expect(observation.tokens.kept == [2000])
        #expect(observation.deltaCount == 1)
        #expect(observation.usage == TokenUsage(promptTokens: 9, completionTokens: 2))
        #expect(observation.finishReason == "stop")
        #expect(observation.sawEndMarker)
        #expect(observation.parseErrors == 0)
    }

    @Test("a completions body with llama.cpp timings is decoded")
    func completionsBody() {
        let observation = decode(#"{"choices":[{"text":"Once upon","index":0,"finish_reason":"length"}],"usage":{"completion_tokens":2,"prompt_tokens":3},"timings":{"prompt_n":3,"prompt_ms":1.5,"predicted_n":2,"predicted_ms":20.0}}"#)
        #expect(observation.tokens.kept == [2000])
        #expect(observation.serverTimings == ServerTimings(promptMs: 1.5, predictedMs: 20, promptTokens: 3, predictedTokens: 2))
        #expect(observation.sawEndMarker)
    }

    @Test("a body with only reasoning content still counts as having content")
    func reasoningOnly() {
        let observation = decode(#"{"choices":[{"index":0,"message":{"role":"assistant","content":null,"reasoning_content":"hmm"},"finish_reason":"length"}]}"#)
        #expect(observation.tokens.kept == [2000])
        #expect(observation.tokenSource == .deltas)
    }

    @Test("an error body inside a 200 is a stream error, not a completion")
    func errorBody() {
        let observation = decode(#"{"error":{"message":"model overloaded","type":"server_error"}}"#)
        #expect(observation.streamError == "model overloaded")
        #expect(!observation.sawEndMarker)
        #expect(observation.tokens.isEmpty)
    }

    @Test("a truncated body counts one parse error and no end marker")
    func truncatedBody() {
        let observation = decode(#"{"choices":[{"index":0,"message":{"content":"Hel"#)
        #expect(observation.parseErrors == 1)
        #expect(!observation.sawEndMarker)
    }
}
