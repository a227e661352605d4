import Dialects
import Testing

/// A member whose value is `null` reads as absent, in every shape the decoders look inside, and
/// the members after it are still read: JSON allows `null` anywhere, and servers send it.
@Suite("null members in response bodies")
struct NullMemberTests {
    private func observe(_ dialect: String, _ body: String) throws -> ResponseObservation {
        var decoder = try #require(DialectRegistry.named(dialect)).makeDecoder(streaming: false)
        Array(body.utf8).withUnsafeBytes { decoder.consume($0, receivedAt: 1_000) }
        return decoder.finish(at: 2_000)
    }

    @Test("Responses API usage whose reasoning count is null keeps its token counts")
    func responsesReasoningNull() throws {
        let observation = try observe("openai-responses", #"{"id":"resp_1","object":"response","status":"completed","output":[{"type":"message","id":"msg_1","role":"assistant","content":[{"type":"output_text","text":"Hi","annotations":[]}]}],"usage":{"input_tokens":5,"output_tokens_details":{"reasoning_tokens":null},"output_tokens":2,"total_tokens":7}}"#)
        #expect(observation.parseErrors == 0)
        #expect(observation.usage?.promptTokens == 5 && observation.usage?.completionTokens == 2 && observation.usage?.reasoningTokens == nil)
    }

    @Test("OpenAI chat: a tool call whose function is null, then the message text")
    func openAIFunctionNull() throws {
        let observation = try observe("openai-chat", #"{"id":"c","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","tool_calls":[{"index":0,"function":null,"id":"call_1"}],"content":"Hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1,"completion_tokens_details":null}}"#)
        #expect(observation.parseErrors == 0)
        #expect(observation.deltaCount == 1 && observation.usage?.completionTokens == 1)
    }

    @Test("Gemini: a part whose functionCall is null is its text")
    func geminiFunctionCallNull() throws {
        let observation = try observe("gemini", #"{"candidates":[{"content":{"parts":[{"functionCall":null,"text":"Hi"}],"role":"model"},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":3,"candidatesTokenCount":1}}"#)
        #expect(observation.parseErrors == 0)
        #expect(observation.deltaCount == 1 && observation.firstAnswerAt != nil)
    }

    @Test("Bedrock: a null latency reads as absent, the usage after it still counts")
    func bedrockNulls() throws {
        let observation = try observe("bedrock-converse", #"{"output":{"message":{"role":"assistant","content":[{"text":"Hi"}]}},"stopReason":"end_turn","metrics":{"latencyMs":null},"usage":{"inputTokens":3,"outputTokens":1,"totalTokens":4}}"#)
        #expect(observation.parseErrors == 0)
        #expect(observation.usage?.promptTokens == 3 && observation.deltaCount == 1)
    }
}
