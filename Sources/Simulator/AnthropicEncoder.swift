/// Renders one request's response in Anthropic's Messages shapes.
///
/// A stream is named server-sent events: `message_start` (with `usage.input_tokens`),
/// `content_block_start` (an empty text block), `ping`, one `content_block_delta` (`text_delta`)
/// per token, `content_block_stop`, `message_delta` (`stop_reason` `end_turn` or `max_tokens`,
/// `usage.output_tokens`) and `message_stop`. A failure mid-stream is an `error` event, which
/// ends the stream.
///
/// A request that reasons gets a thinking block first (index 0: `thinking_delta` per reasoning
/// token, then a `signature_delta` and its `content_block_stop`) and its text block at index 1,
/// as Claude sends extended thinking; a whole body lists the `thinking` block before the text.
struct AnthropicEncoder: ResponseEncoding {
    /// `msg_…`.
    let id: String
    /// The model name echoed.
    let model: String
    /// Prompt length, reported as `input_tokens`.
    let inputTokens: Int
    /// The answer's tool call, whose argument pieces the tokens are; nil for text.
    let toolCall: ToolCallPlan?
    /// Whether the request reasons: a thinking block comes first.
    let reasons: Bool
    /// The signature closing a thinking block (Claude's is opaque; this one is fixed).
    static let signature = "c2ltdWxhdGVkIHRoaW5raW5n"

    /// An encoder for one request.
    init(request: InferenceRequest, context: EncoderContext) {
        self.id = "msg_" + context.hexID(digits: 24)
        self.model = request.model ?? context.defaultModel
        self.inputTokens = request.promptTokens
        self.toolCall = request.toolCall
        self.reasons = request.reasoningTokens > 0
    }

    /// The answer block's index (text or tool use): 1 after a thinking block, else 0.
    private var textIndex: Int { reasons ? 1 : 0 }

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
            reasons
                ? StreamEvent(
                    name: "content_block_start",
                    payload: #"{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}"#)
                : answerBlockStart(index: 0),
            StreamEvent(name: "ping", payload: #"{"type":"ping"}"#),
        ]
    }

    func tokenEvent(_ token: SampledToken, index: Int) -> StreamEvent {
        if toolCall != nil, !token.isReasoning { return toolInputDelta(token, index: textIndex) }
        var out = JSONWriter()
        if token.isReasoning {
            out.raw(#"{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"#)
        } else {
            out.raw(#"{"type":"content_block_delta","index":\#(textIndex),"delta":{"type":"text_delta","text":"#)
        }
        out.string(token.text)
        out.raw("}}")
        return StreamEvent(name: "content_block_delta", payload: out.text)
    }

    /// The thinking block's signature and stop, then the text block's start.
    func answerPreamble() -> [StreamEvent] {
        [
            StreamEvent(
                name: "content_block_delta",
                payload: #"{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"\#(Self.signature)"}}"#),
            StreamEvent(name: "content_block_stop", payload: #"{"type":"content_block_stop","index":0}"#),
            answerBlockStart(index: 1),
        ]
    }

    /// The answer's block start at `index`: the tool call's `tool_use` block, or a text block.
    private func answerBlockStart(index: Int) -> StreamEvent {
        if let toolCall { return toolBlockStart(toolCall, index: index) }
        return StreamEvent(
            name: "content_block_start",
            payload: #"{"type":"content_block_start","index":\#(index),"content_block":{"type":"text","text":""}}"#)
    }

    func closingEvents(_ outcome: GenerationOutcome) -> [StreamEvent] {
        // The open block: the text block once an answer token came, else the thinking block.
        let open = outcome.completionTokens > outcome.reasoningTokens ? textIndex : 0
        return [
            StreamEvent(name: "content_block_stop", payload: #"{"type":"content_block_stop","index":\#(open)}"#),
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
        fullBody(text: text, reasoning: "", outcome: outcome)
    }

    func fullBody(text: String, reasoning: String, outcome: GenerationOutcome) -> String {
        var out = JSONWriter()
        out.raw(#"{"id":"#)
        out.string(id)
        out.raw(#","type":"message","role":"assistant","model":"#)
        out.string(model)
        out.raw(#","content":["#)
        if !reasoning.isEmpty {
            out.raw(#"{"type":"thinking","thinking":"#)
            out.string(reasoning)
            out.raw(#","signature":"\#(Self.signature)"}"#)
            if !text.isEmpty || toolCall != nil { out.raw(",") }
        }
        if let toolCall {
            out.raw(toolUseBlock(toolCall))
        } else if reasoning.isEmpty || !text.isEmpty {
            out.raw(#"{"type":"text","text":"#)
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
