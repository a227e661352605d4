import Dialects

/// Helpers shared by the dialect tests.
enum Fixtures {
    /// An SSE stream with one `data:` event per JSON string (or `[DONE]`).
    static func stream(_ payloads: [String]) -> [UInt8] {
        Array(payloads.map { "data: \($0)\n\n" }.joined().utf8)
    }

    /// Runs `decoder` over `feeds`, the i-th read arriving at time `(i + 1) * 1000` ns; ends at 999_999.
    static func decode(_ decoder: any ResponseDecoder, feeds: [[UInt8]]) -> ResponseObservation {
        var decoder = decoder
        for (index, feed) in feeds.enumerated() {
            decoder.consume(feed, receivedAt: UInt64(index + 1) * 1000)
        }
        return decoder.finish(at: 999_999)
    }

    /// Runs a fresh OpenAI stream decoder over one read per event.
    static func decodeStream(_ payloads: [String]) -> ResponseObservation {
        decode(OpenAIDialect.chat.makeDecoder(streaming: true), feeds: payloads.map { stream([$0]) })
    }

    /// vLLM chat stream: role chunk, three content chunks, finish chunk, usage chunk.
    static let vllmChat: [String] = [
        #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"usage":null}"#,
        #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}],"usage":null}"#,
        #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":","},"logprobs":null,"finish_reason":null}],"usage":null}"#,
        #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":" world"},"logprobs":null,"finish_reason":null}],"usage":null}"#,
        #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":""},"logprobs":null,"finish_reason":"length","stop_reason":null}],"usage":null}"#,
        #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":12,"total_tokens":16,"completion_tokens":4,"prompt_tokens_details":null}}"#,
    ]

    /// llama.cpp server chat stream with usage and timings on the final chunk.
    static let llamaCppChat: [String] = [
        #"{"choices":[{"finish_reason":null,"index":0,"delta":{"role":"assistant","content":null}}],"created":1,"id":"chatcmpl-x","model":"gpt-3.5-turbo","system_fingerprint":"b1","object":"chat.completion.chunk"}"#,
        #"{"choices":[{"finish_reason":null,"index":0,"delta":{"content":"Hi"}}],"created":1,"id":"chatcmpl-x","model":"gpt-3.5-turbo","system_fingerprint":"b1","object":"chat.completion.chunk"}"#,
        #"{"choices":[{"finish_reason":null,"index":0,"delta":{"content":" there"}}],"created":1,"id":"chatcmpl-x","model":"gpt-3.5-turbo","system_fingerprint":"b1","object":"chat.completion.chunk"}"#,
        #"{"choices":[{"finish_reason":"stop","index":0,"delta":{}}],"created":1,"id":"chatcmpl-x","model":"gpt-3.5-turbo","system_fingerprint":"b1","object":"chat.completion.chunk","usage":{"completion_tokens":2,"prompt_tokens":5,"total_tokens":7},"timings":{"prompt_n":5,"prompt_ms":12.5,"prompt_per_token_ms":2.5,"prompt_per_second":400.0,"predicted_n":2,"predicted_ms":30.25,"predicted_per_token_ms":15.125,"predicted_per_second":66.1}}"#,
    ]
}
