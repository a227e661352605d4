/// Renders one request's response in Bedrock's Converse shapes.
///
/// A `ConverseStream` response is AWS event-stream messages: `messageStart` (`role`), one
/// `contentBlockDelta` (`delta.text`) per token, `contentBlockStop`, `messageStop` (`stopReason`
/// `end_turn` or `max_tokens`) and `metadata` (`usage` and `metrics.latencyMs`, the engine's time
/// from arrival to last token). A failure mid-stream is a `modelStreamErrorException` exception
/// message, which ends the stream.
struct BedrockEncoder: ResponseEncoding {
    /// The answer's tool call, whose argument pieces the tokens are; nil for text.
    var toolCall: ToolCallPlan?

    var framing: StreamFraming { .eventStream }

    func openingEvents() -> [StreamEvent] {
        [StreamEvent(name: "messageStart", payload: #"{"role":"assistant"}"#)] + (toolCall.map { [toolUseStart($0)] } ?? [])
    }

    func tokenEvent(_ token: SampledToken, index: Int) -> StreamEvent {
        if toolCall != nil { return toolInputDelta(token) }
        var out = JSONWriter()
        out.raw(#"{"contentBlockIndex":0,"delta":{"text":"#)
        out.string(token.text)
        out.raw("}}")
        return StreamEvent(name: "contentBlockDelta", payload: out.text)
    }

    func closingEvents(_ outcome: GenerationOutcome) -> [StreamEvent] {
        [
            StreamEvent(name: "contentBlockStop", payload: #"{"contentBlockIndex":0}"#),
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
        var out = JSONWriter()
        if let toolCall {
            out.raw(#"{"output":{"message":{"role":"assistant","content":["# + toolUseBlock(toolCall))
        } else {
            out.raw(#"{"output":{"message":{"role":"assistant","content":[{"text":"#)
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
