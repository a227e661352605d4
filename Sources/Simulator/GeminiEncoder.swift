/// Renders one request's response in Gemini's `GenerateContentResponse` shape.
///
/// A stream (`alt=sse`) is one `data:` event per token, lines ending in CRLF as Google sends
/// them: `candidates[0].content.parts[0].text` with `role` `model`, `usageMetadata` with running
/// counts (`promptTokenCount`, `candidatesTokenCount`, `totalTokenCount`), `modelVersion` and
/// `responseId`; the last carries `finishReason` `STOP` or `MAX_TOKENS`. No end marker follows.
/// A failure mid-stream is an `{"error":{…}}` event, which ends the stream.
struct GeminiEncoder: ResponseEncoding {
    /// The model name echoed as `modelVersion`.
    let model: String
    /// The response's id.
    let responseID: String
    /// Prompt length, reported as `promptTokenCount`.
    let promptTokens: Int
    /// The answer's tool call, sent whole as a `functionCall` part; nil for text.
    let toolCall: ToolCallPlan?

    /// An encoder for one request.
    init(request: InferenceRequest, context: EncoderContext) {
        self.toolCall = request.toolCall
        self.model = request.model ?? context.defaultModel
        self.responseID = context.hexID(digits: 24)
        self.promptTokens = request.promptTokens
    }

    var framing: StreamFraming { .serverSentEvents(lineEnding: "\r\n") }

    func tokenEvent(_ token: SampledToken, index: Int) -> StreamEvent {
        StreamEvent(payload: response(text: token.text, finishReason: token.finishReason, candidatesTokens: index + 1))
    }

    /// None: the last token's chunk carries the finish reason and the stream just ends.
    func closingEvents(_ outcome: GenerationOutcome) -> [StreamEvent] { [] }

    func failureEvents(_ error: APIError) -> [StreamEvent] {
        [StreamEvent(payload: GeminiDialect.errorBody(error))]
    }

    func fullBody(text: String, outcome: GenerationOutcome) -> String {
        response(text: text, finishReason: outcome.finishReason, candidatesTokens: outcome.completionTokens)
    }

    /// A response whose one part is `text`, or the tool call's `functionCall` part.
    private func response(text: String, finishReason: FinishReason?, candidatesTokens: Int) -> String {
        var out = JSONWriter()
        out.raw(#"{"candidates":[{"content":{"parts":["#)
        if let toolCall {
            out.raw(functionCallPart(toolCall))
        } else {
            out.raw(#"{"text":"#)
            out.string(text)
            out.raw("}")
        }
        out.raw(#"],"role":"model"}"#)
        if let finishReason {
            out.raw(#","finishReason":"\#(finishReason == .stop ? "STOP" : "MAX_TOKENS")""#)
        }
        out.raw(#","index":0}],"usageMetadata":{"promptTokenCount":\#(promptTokens),"#)
        out.raw(#""candidatesTokenCount":\#(candidatesTokens),"totalTokenCount":\#(promptTokens + candidatesTokens)},"#)
        out.raw(#""modelVersion":"#)
        out.string(model)
        out.raw(#","responseId":"#)
        out.string(responseID)
        out.raw("}")
        return out.text
    }
}
