/// Renders one request's response bodies in OpenAI's wire format, with vLLM's key order.
///
/// Chat streams: a role-only chunk, one chunk per token (the last with `finish_reason`), an
/// optional usage chunk with `"choices":[]`, then `[DONE]`. Completion streams are the same
/// without the role chunk. When usage is included, every other chunk carries `"usage":null`.
struct ResponseEncoder: Sendable {
    /// `chatcmpl-…` or `cmpl-…`.
    let id: String
    /// Unix time of the request's arrival, in seconds.
    let created: Int
    /// The model name echoed in every chunk.
    let model: String
    /// Which endpoint's shapes to produce.
    let endpoint: GenerationEndpoint
    /// Whether stream chunks carry `"usage":null` and a usage chunk follows the last token.
    let includeUsage: Bool

    /// An encoder for one request; `idSeed` fixes the 32 hex digits of its id.
    init(request: InferenceRequest, defaultModel: String, created: Int, idSeed: UInt64) {
        var generator = SplitMix64(seed: idSeed)
        let hex = Self.hex(generator.next()) + Self.hex(generator.next())
        self.endpoint = request.endpoint
        self.id = (request.endpoint == .chatCompletions ? "chatcmpl-" : "cmpl-") + hex
        self.created = created
        self.model = request.model ?? defaultModel
        self.includeUsage = request.includeUsage
    }

    /// The stream's terminating event.
    static let doneEvent = "data: [DONE]\n\n"

    /// The chat stream's first event: `delta {"role":"assistant","content":""}`, no token.
    func roleEvent() -> String {
        var out = header(object: "chat.completion.chunk")
        out.raw(#""choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]"#)
        return event(&out)
    }

    /// The stream event carrying one token; `token.finishReason` is set on the last one.
    func tokenEvent(_ token: SampledToken) -> String {
        switch endpoint {
        case .chatCompletions:
            var out = header(object: "chat.completion.chunk")
            out.raw(#""choices":[{"index":0,"delta":{"content":"#)
            out.string(token.text)
            out.raw(#"},"logprobs":null,"finish_reason":"#)
            finishReason(token.finishReason, into: &out)
            out.raw("}]")
            return event(&out)
        case .completions:
            var out = header(object: "text_completion")
            out.raw(#""choices":[{"index":0,"text":"#)
            out.string(token.text)
            out.raw(#","logprobs":null,"finish_reason":"#)
            finishReason(token.finishReason, into: &out)
            out.raw("}]")
            return event(&out)
        }
    }

    /// The stream's usage event: `"choices":[]` and the token counts.
    func usageEvent(promptTokens: Int, completionTokens: Int) -> String {
        var out = header(object: endpoint == .chatCompletions ? "chat.completion.chunk" : "text_completion")
        out.raw(#""choices":[],"#)
        usage(promptTokens: promptTokens, completionTokens: completionTokens, into: &out)
        out.raw("}")
        return "data: " + out.text + "\n\n"
    }

    /// The whole non-streaming response body.
    func fullResponse(text: String, finishReason reason: FinishReason, promptTokens: Int, completionTokens: Int) -> String {
        var out = JSONWriter()
        out.raw(#"{"id":"#)
        out.string(id)
        switch endpoint {
        case .chatCompletions:
            out.raw(#","object":"chat.completion","created":\#(created),"model":"#)
            out.string(model)
            out.raw(#","choices":[{"index":0,"message":{"role":"assistant","content":"#)
            out.string(text)
            out.raw(#"},"logprobs":null,"finish_reason":"#)
        case .completions:
            out.raw(#","object":"text_completion","created":\#(created),"model":"#)
            out.string(model)
            out.raw(#","choices":[{"index":0,"text":"#)
            out.string(text)
            out.raw(#","logprobs":null,"finish_reason":"#)
        }
        finishReason(reason, into: &out)
        out.raw("}],")
        usage(promptTokens: promptTokens, completionTokens: completionTokens, into: &out)
        out.raw("}")
        return out.text
    }

    /// `{"id":…,"object":…,"created":…,"model":…,` — the common start of every chunk.
    private func header(object: String) -> JSONWriter {
        var out = JSONWriter()
        out.raw(#"{"id":"#)
        out.string(id)
        out.raw(#","object":"\#(object)","created":\#(created),"model":"#)
        out.string(model)
        out.raw(",")
        return out
    }

    /// Closes a chunk (adding `"usage":null` when usage is on) and frames it as an SSE event.
    private func event(_ out: inout JSONWriter) -> String {
        out.raw(includeUsage ? #","usage":null}"# : "}")
        return "data: " + out.text + "\n\n"
    }

    private func finishReason(_ reason: FinishReason?, into out: inout JSONWriter) {
        if let reason { out.raw("\"\(reason.rawValue)\"") } else { out.raw("null") }
    }

    private func usage(promptTokens: Int, completionTokens: Int, into out: inout JSONWriter) {
        out.raw(
            #""usage":{"prompt_tokens":\#(promptTokens),"completion_tokens":\#(completionTokens),"#
                + #""total_tokens":\#(promptTokens + completionTokens)}"#)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
