/// Renders one request's response in Anthropic's Messages shapes.
///
/// A stream is named server-sent events: `message_start` (with `usage.input_tokens`),
/// `content_block_start` (an empty text block), `ping`, one `content_block_delta` (`text_delta`)
/// per token, `content_block_stop`, `message_delta` (`stop_reason` `end_turn` or `max_tokens`,
/// `usage.output_tokens`) and `message_stop`. A failure mid-stream is an `error` event, which
/// ends the stream.
struct AnthropicEncoder: ResponseEncoding {
    /// `msg_…`.
    let id: String
    /// The model name echoed.
    let model: String
    /// Prompt length, reported as `input_tokens`.
    let inputTokens: Int
    /// The answer's tool call, whose argument pieces the tokens are; nil for text.
    let toolCall: ToolCallPlan?

    /// An encoder for one request.
    init(request: InferenceRequest, context: EncoderContext) {
        self.id = "msg_" + context.hexID(digits: 24)
        self.model = request.model ?? context.defaultModel
        self.inputTokens = request.promptTokens
        self.toolCall = request.toolCall
    }

    var framing: StreamFraming { .serverSentEvents(lineEnding: "\n") }

    func openingEvents() -> [StreamEvent] {
        var start = JSONWriter()
        start.raw(#"{"type":"message_start","message":{"id":"#)
        start.string(id)
        start.raw(#","type":"message","role":"assistant","model":"#)
        start.string(model)
        start.raw(
            #","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":\#(inputTokens),"#
                + #""output_tokens":1}}}"#)
        return [
            StreamEvent(name: "message_start", payload: start.text),
            toolCall.map(toolBlockStart) ?? StreamEvent(
                name: "content_block_start",
                payload: #"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#),
            StreamEvent(name: "ping", payload: #"{"type":"ping"}"#),
        ]
    }

    func tokenEvent(_ token: SampledToken, index: Int) -> StreamEvent {
        if toolCall != nil { return toolInputDelta(token) }
        var out = JSONWriter()
        out.raw(#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"#)
        out.string(token.text)
        out.raw("}}")
        return StreamEvent(name: "content_block_delta", payload: out.text)
    }

    func closingEvents(_ outcome: GenerationOutcome) -> [StreamEvent] {
        [
            StreamEvent(name: "content_block_stop", payload: #"{"type":"content_block_stop","index":0}"#),
            StreamEvent(
                name: "message_delta",
                payload: #"{"type":"message_delta","delta":{"stop_reason":"\#(stopReason(outcome.finishReason))","#
                    + #""stop_sequence":null},"usage":{"output_tokens":\#(outcome.completionTokens)}}"#),
            StreamEvent(name: "message_stop", payload: #"{"type":"message_stop"}"#),
        ]
    }

    func failureEvents(_ error: APIError) -> [StreamEvent] {
        [StreamEvent(name: "error", payload: AnthropicDialect.errorBody(error))]
    }

    func fullBody(text: String, outcome: GenerationOutcome) -> String {
        var out = JSONWriter()
        out.raw(#"{"id":"#)
        out.string(id)
        out.raw(#","type":"message","role":"assistant","model":"#)
        out.string(model)
        if let toolCall {
            out.raw(#","content":["# + toolUseBlock(toolCall))
        } else {
            out.raw(#","content":[{"type":"text","text":"#)
            out.string(text)
            out.raw("}")
        }
        out.raw(
            #"],"stop_reason":"\#(stopReason(outcome.finishReason))","stop_sequence":null,"#
                + #""usage":{"input_tokens":\#(outcome.promptTokens),"output_tokens":\#(outcome.completionTokens)}}"#)
        return out.text
    }

    /// Anthropic's `stop_reason`: `end_turn` for an end-of-sequence, `max_tokens` at the limit.
    static func stopReason(_ reason: FinishReason) -> String {
        switch reason {
        case .stop: "end_turn"
        case .length: "max_tokens"
        }
    }
}
