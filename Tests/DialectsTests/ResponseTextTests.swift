import Dialects
import Testing

/// Server-sent events, one `data:` line each, as the body bytes.
private func events(_ data: [String]) -> [UInt8] {
    Array(data.map { "data: \($0)\n\n" }.joined().utf8)
}

@Suite("answer text of a kept body")
struct ResponseTextTests {
    @Test("OpenAI: streamed deltas joined, reasoning left out; a plain body's message content")
    func openAI() {
        let stream = events([
            #"{"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}"#,
            #"{"choices":[{"index":0,"delta":{"reasoning_content":"hmm"}}]}"#,
            #"{"choices":[{"index":0,"delta":{"content":"The answer"}}]}"#,
            #"{"choices":[{"index":0,"delta":{"content":" is 42."}}]}"#,
            #"{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"#,
            "[DONE]",
        ])
        #expect(OpenAIDialect.chat.responseText(of: stream, streaming: true) == "The answer is 42.")
        let body = Array(#"{"choices":[{"index":0,"message":{"role":"assistant","content":"Paris"},"finish_reason":"stop"}]}"#.utf8)
        #expect(OpenAIDialect.chat.responseText(of: body, streaming: false) == "Paris")
        // A streaming request answered with a plain body is read as that body.
        #expect(OpenAIDialect.chat.responseText(of: body, streaming: true) == "Paris")
        let completion = events([#"{"choices":[{"index":0,"text":"4"}]}"#, #"{"choices":[{"index":0,"text":"2"}]}"#, "[DONE]"])
        #expect(OpenAIDialect.completions.responseText(of: completion, streaming: true) == "42")
    }

    @Test("Ollama: every line's message content or response, thinking left out")
    func ollama() {
        let body = Array((
            #"{"message":{"role":"assistant","content":"Hel"},"done":false}"# + "\n"
            + #"{"message":{"role":"assistant","content":"lo","thinking":"x"},"done":false}"# + "\n"
            + #"{"response":"","thinking":"y","done":false}"# + "\n"
            + #"{"message":{"role":"assistant","content":""},"done":true}"# + "\n"
        ).utf8)
        #expect(OllamaDialect.chat.responseText(of: body, streaming: true) == "Hello")
    }

    @Test("Anthropic: text deltas when streamed, text blocks otherwise")
    func anthropic() {
        let stream = events([
            #"{"type":"message_start","message":{"usage":{"input_tokens":3}}}"#,
            #"{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"hmm"}}"#,
            #"{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Ly"}}"#,
            #"{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"on"}}"#,
            #"{"type":"message_stop"}"#,
        ])
        #expect(AnthropicDialect.messages.responseText(of: stream, streaming: true) == "Lyon")
        let body = Array(#"{"content":[{"type":"thinking","thinking":"x"},{"type":"text","text":"Lyon"}],"stop_reason":"end_turn"}"#.utf8)
        #expect(AnthropicDialect.messages.responseText(of: body, streaming: false) == "Lyon")
    }

    @Test("Gemini: the first candidate's text parts, thoughts left out")
    func gemini() {
        let stream = events([
            #"{"candidates":[{"content":{"role":"model","parts":[{"text":"plan","thought":true},{"text":"ne"}]}}]}"#,
            #"{"candidates":[{"content":{"role":"model","parts":[{"text":"gative"}]},"finishReason":"STOP"}]}"#,
        ])
        #expect(GeminiDialect.gemini.responseText(of: stream, streaming: true) == "negative")
    }
}
