import Dialects
import Metrics
import Testing

/// A Converse response with a reasoning block and a text block.
private let converseBody = #"""
{"metrics":{"latencyMs":842},"output":{"message":{"content":[{"reasoningContent":{"reasoningText":{"text":"Hmm.","signature":"c2ln"}}},{"text":"Hello there."}],"role":"assistant"}},"stopReason":"end_turn","usage":{"inputTokens":9,"outputTokens":7,"totalTokens":16}}
"""#

private func decode(_ feeds: [[UInt8]]) -> ResponseObservation {
    Fixtures.decode(BedrockDialect.converse.makeDecoder(streaming: false), feeds: feeds)
}

@Suite("Bedrock Converse body decoder")
struct BedrockBodyDecoderTests {
    @Test("a Converse body: one token at the last read, stop reason, usage, latency, complete")
    func completeBody() {
        let bytes = Array(converseBody.utf8)
        let observation = decode([Array(bytes[..<40]), Array(bytes[40...])])
        #expect(observation.tokens.kept == [2000])
        #expect(observation.deltaCount == 1)
        #expect(observation.finishReason == "end_turn")
        #expect(observation.usage == TokenUsage(promptTokens: 9, completionTokens: 7))
        #expect(observation.serverTimings == ServerTimings(totalMs: 842))
        #expect(observation.sawEndMarker)
        #expect(observation.parseErrors == 0)
    }

    @Test("a body whose blocks hold no text has no token but is complete")
    func emptyContent() {
        let observation = decode([Array(#"{"output":{"message":{"content":[{"text":""}],"role":"assistant"}},"stopReason":"max_tokens"}"#.utf8)])
        #expect(observation.tokens.isEmpty)
        #expect(observation.sawEndMarker)
        #expect(observation.finishReason == "max_tokens")
    }

    @Test("a 2xx body with only a message is an error, not a parse failure")
    func errorBody() {
        let observation = decode([Array(#"{"message":"Model is not ready"}"#.utf8)])
        #expect(observation.streamError == "Model is not ready")
        #expect(!observation.sawEndMarker)
        #expect(observation.parseErrors == 0)
    }

    @Test("non-JSON or unexpected JSON counts one parse error; an empty body counts none")
    func badBodies() {
        #expect(decode([Array("<html>".utf8)]).parseErrors == 1)
        #expect(decode([Array(#"{"choices":[]}"#.utf8)]).parseErrors == 1)
        #expect(decode([Array(" \n".utf8)]) == ResponseObservation())
    }
}
