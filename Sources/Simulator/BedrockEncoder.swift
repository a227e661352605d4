/// Renders one request's response in Bedrock's Converse shapes.
///
/// A `ConverseStream` response is AWS event-stream messages: `messageStart` (`role`), one
/// `contentBlockDelta` (`delta.text`) per token, `contentBlockStop`, `messageStop` (`stopReason`
/// `end_turn` or `max_tokens`) and `metadata` (`usage` and `metrics.latencyMs`, the engine's time
/// from arrival to last token). A failure mid-stream is a `modelStreamErrorException` exception
/// message, which ends the stream.
///
/// A request that reasons gets its reasoning tokens as `delta.reasoningContent.text` in block 0,
/// closed by a `reasoningContent.signature` delta and its `contentBlockStop`, and its answer in
/// block 1, as Claude's extended thinking comes through Converse; a whole body lists the
/// `reasoningContent.reasoningText` block before the text.
struct BedrockEncoder: ResponseEncoding {
    /// The answer's tool call, whose argument pieces the tokens are; nil for text.
    let toolCall: ToolCallPlan?
    /// Whether the request reasons: a reasoning block comes first.
    let reasons: Bool

    /// An encoder for one request.
    init(request: InferenceRequest) {
        toolCall = request.toolCall
        reasons = request.reasoningTokens > 0
    }

    var framing: StreamFraming { .eventStream }

    /// The answer's block index: 1 after a reasoning block, else 0.
    private var textIndex: Int { reasons ? 1 : 0 }

    func openingEvents() -> [StreamEvent] {
        [StreamEvent(name: "messageStart", payload: #"{"role":"assistant"}"#)] + (reasons ? [] : toolCall.map { [toolUseStart($0, index: 0)] } ?? [])
    }

    func tokenEvent(_ token: SampledToken, index: Int) -> StreamEvent {
        if toolCall != nil, !token.isReasoning { return toolInputDelta(token, index: textIndex) }
        var out = JSONWriter()
        if token.isReasoning {
            out.raw(#"{"contentBlockIndex":0,"delta":{"reasoningContent":{"text":"#)
            out.string(token.text)
            out.raw("}}}")
        } else {
            out.raw(#"{"contentBlockIndex":\#(textIndex),"delta":{"text":"#)
            out.string(token.text)
            out.raw("}}")
        }
        return StreamEvent(name: "contentBlockDelta", payload: out.text)
    }

    /// The reasoning block's signature and stop, then the tool call's block start when the answer is one.
    func answerPreamble() -> [StreamEvent] {
        [
            StreamEvent(
                name: "contentBlockDelta",
                payload: #"{"contentBlockIndex":0,"delta":{"reasoningContent":{"signature":"\#(AnthropicEncoder.signature)"}}}"#),
            StreamEvent(name: "contentBlockStop", payload: #"{"contentBlockIndex":0}"#),
        ] + (toolCall.map { [toolUseStart($0, index: 1)] } ?? [])
    }

    func closingEvents(_ outcome: GenerationOutcome) -> [StreamEvent] {
        // The open block: the answer's once an answer token came, else the reasoning block.
        let open = outcome.completionTokens > outcome.reasoningTokens ? textIndex : 0
        return [
            StreamEvent(name: "contentBlockStop", payload: #"{"contentBlockIndex":\#(open)}"#),
            StreamEvent(name: "messageStop", payload: #"{"stopReason":"\#(stopReason(outcome.finishReason))"}"#),
            StreamEvent(name: "metadata", payload: "{" + usageAndMetrics(outcome) + "}"),
        ]
    }

    func failureEvents(_ error: APIError) -> [StreamEvent] {
        var out = JSONWriter()
        out.raw(#"{"message":"#)
        out.string(error.message)
        out.raw(#","originalStatusCode":\#(error.status)}"#)
        return [StreamEvent(name: "modelStreamErrorException", payload: out.text, kind: .exception)]
    }

    func fullBody(text: String, outcome: GenerationOutcome) -> String {
        fullBody(text: text, reasoning: "", outcome: outcome)
    }

    func fullBody(text: String, reasoning: String, outcome: GenerationOutcome) -> String {
        var out = JSONWriter()
        out.raw(#"{"output":{"message":{"role":"assistant","content":["#)
        if !reasoning.isEmpty {
            out.raw(#"{"reasoningContent":{"reasoningText":{"text":"#)
            out.string(reasoning)
            out.raw(#","signature":"\#(AnthropicEncoder.signature)"}}},"#)
        }
        if let toolCall {
            out.raw(toolUseBlock(toolCall))
        } else {
            out.raw(#"{"text":"#)
            out.string(text)
            out.raw("}")
        }
        out.raw(#"]}},"stopReason":"\#(stopReason(outcome.finishReason))","#)
        out.raw(usageAndMetrics(outcome) + "}")
        return out.text
    }

    /// `"usage":{…},"metrics":{"latencyMs":…}`.
    private func usageAndMetrics(_ outcome: GenerationOutcome) -> String {
        let total = outcome.promptTokens + outcome.completionTokens
        let latencyMs = (Double(outcome.timeline.totalNanos) / 1e6).rounded()
        return #""usage":{"inputTokens":\#(outcome.promptTokens),"outputTokens":\#(outcome.completionTokens),"#
            + #""totalTokens":\#(total)},"metrics":{"latencyMs":\#(Int(latencyMs))}"#
    }

    /// Bedrock's `stopReason`: `end_turn` for an end-of-sequence, `max_tokens` at the limit.
    static func stopReason(_ reason: FinishReason) -> String {
        switch reason {
        case .stop: "end_turn"
        case .length: "max_tokens"
        }
    }
}
