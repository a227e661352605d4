/// Renders one request's response in OpenAI's wire format, with vLLM's key order.
///
/// Chat streams: a role-only chunk, one chunk per token (the last with `finish_reason`), an
/// optional usage chunk with `"choices":[]`, then `[DONE]`. Completion streams are the same
/// without the role chunk. When usage is included, every other chunk carries `"usage":null`.
/// A failure mid-stream is an `{"error":…}` event then `[DONE]`, as vLLM sends it.
///
/// A chat request that reasons gets its reasoning tokens as `delta.reasoning_content` (as vLLM's
/// reasoning parsers send them), `message.reasoning_content` in a whole body, and its usage
/// says how many in `completion_tokens_details.reasoning_tokens` (as OpenAI reports them).
struct OpenAIEncoder: ResponseEncoding {
    /// `chatcmpl-…` or `cmpl-…`.
    let id: String
    /// Unix time of the request's arrival, in seconds.
    let created: Int
    /// The model name echoed in every chunk.
    let model: String
    /// Chat or completion shapes.
    let kind: GenerationKind
    /// Whether stream chunks carry `"usage":null` and a usage chunk follows the last token.
    let includeUsage: Bool
    /// The chat answer's tool call, whose argument pieces the tokens are; nil for text.
    let toolCall: ToolCallPlan?
    /// Whether the request reasons: its usage then reports the reasoning tokens.
    let reasons: Bool

    /// An encoder for one request; the context's id seed fixes the 32 hex digits of its id.
    init(request: InferenceRequest, context: EncoderContext) {
        self.kind = request.kind
        self.id = (request.kind == .chat ? "chatcmpl-" : "cmpl-") + context.hexID(digits: 32)
        self.created = Int(context.receivedAt)
        self.model = request.model ?? context.defaultModel
        self.includeUsage = request.includeUsage
        self.toolCall = request.kind == .chat ? request.toolCall : nil
        self.reasons = request.reasoningTokens > 0
    }

    /// The stream's terminating event.
    static let doneEvent = StreamEvent(payload: "[DONE]")

    var framing: StreamFraming { .serverSentEvents(lineEnding: "\n") }

    /// The chat stream's first event: `delta {"role":"assistant","content":""}`, no token.
    func firstTokenPreamble() -> [StreamEvent] {
        guard kind == .chat else { return [] }
        var out = header(object: "chat.completion.chunk")
        out.raw(#""choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]"#)
        if let toolCall, !reasons { return [chunk(&out), toolOpening(toolCall)] }
        return [chunk(&out)]
    }

    /// After reasoning, the tool call's opening chunk when the answer is one.
    func answerPreamble() -> [StreamEvent] {
        toolCall.map { [toolOpening($0)] } ?? []
    }

    func tokenEvent(_ token: SampledToken, index: Int) -> StreamEvent {
        if toolCall != nil, !token.isReasoning { return toolArguments(token) }
        switch kind {
        case .chat:
            var out = header(object: "chat.completion.chunk")
            out.raw(token.isReasoning ? #""choices":[{"index":0,"delta":{"reasoning_content":"# : #""choices":[{"index":0,"delta":{"content":"#)
            out.string(token.text)
            out.raw(#"},"logprobs":null,"finish_reason":"#)
            finishReason(token.finishReason, into: &out)
            out.raw("}]")
            return chunk(&out)
        case .completion:
            var out = header(object: "text_completion")
            out.raw(#""choices":[{"index":0,"text":"#)
            out.string(token.text)
            out.raw(#","logprobs":null,"finish_reason":"#)
            finishReason(token.finishReason, into: &out)
            out.raw("}]")
            return chunk(&out)
        }
    }

    /// The usage chunk (`"choices":[]` and the token counts) when usage is included, then `[DONE]`.
    func closingEvents(_ outcome: GenerationOutcome) -> [StreamEvent] {
        guard includeUsage else { return [Self.doneEvent] }
        var out = header(object: kind == .chat ? "chat.completion.chunk" : "text_completion")
        out.raw(#""choices":[],"#)
        usage(outcome, into: &out)
        out.raw("}")
        return [StreamEvent(payload: out.text), Self.doneEvent]
    }

    /// `error` in OpenAI's shape as a data event, then `[DONE]`, as vLLM sends a failure mid-stream.
    func failureEvents(_ error: APIError) -> [StreamEvent] {
        [StreamEvent(payload: OpenAIDialect.errorBody(error)), Self.doneEvent]
    }

    func fullBody(text: String, outcome: GenerationOutcome) -> String {
        fullBody(text: text, reasoning: "", outcome: outcome)
    }

    func fullBody(text: String, reasoning: String, outcome: GenerationOutcome) -> String {
        if let toolCall { return toolCallBody(toolCall, arguments: text, outcome: outcome) }
        var out = JSONWriter()
        out.raw(#"{"id":"#)
        out.string(id)
        switch kind {
        case .chat:
            out.raw(#","object":"chat.completion","created":\#(created),"model":"#)
            out.string(model)
            out.raw(#","choices":[{"index":0,"message":{"role":"assistant","#)
            if !reasoning.isEmpty {
                out.raw(#""reasoning_content":"#)
                out.string(reasoning)
                out.raw(",")
            }
            out.raw(#""content":"#)
            out.string(text)
            out.raw(#"},"logprobs":null,"finish_reason":"#)
        case .completion:
            out.raw(#","object":"text_completion","created":\#(created),"model":"#)
            out.string(model)
            out.raw(#","choices":[{"index":0,"text":"#)
            out.string(text)
            out.raw(#","logprobs":null,"finish_reason":"#)
        }
        finishReason(outcome.finishReason, into: &out)
        out.raw("}],")
        usage(outcome, into: &out)
        out.raw("}")
        return out.text
    }

    /// `{"id":…,"object":…,"created":…,"model":…,` — the common start of every chunk.
    func header(object: String) -> JSONWriter {
        var out = JSONWriter()
        out.raw(#"{"id":"#)
        out.string(id)
        out.raw(#","object":"\#(object)","created":\#(created),"model":"#)
        out.string(model)
        out.raw(",")
        return out
    }

    /// Closes a chunk (adding `"usage":null` when usage is on) as an event.
    func chunk(_ out: inout JSONWriter) -> StreamEvent {
        out.raw(includeUsage ? #","usage":null}"# : "}")
        return StreamEvent(payload: out.text)
    }

    func finishReason(_ reason: FinishReason?, into out: inout JSONWriter) {
        if let reason { out.raw("\"\(reason.rawValue)\"") } else { out.raw("null") }
    }

    /// `"usage":{…}`, with `completion_tokens_details.reasoning_tokens` when the request reasons.
    func usage(_ outcome: GenerationOutcome, into out: inout JSONWriter) {
        let (prompt, completion) = (outcome.promptTokens, outcome.completionTokens)
        out.raw(#""usage":{"prompt_tokens":\#(prompt),"completion_tokens":\#(completion),"total_tokens":\#(prompt + completion)"#)
        if reasons {
            out.raw(#","completion_tokens_details":{"reasoning_tokens":\#(outcome.reasoningTokens)}"#)
        }
        out.raw("}")
    }
}
