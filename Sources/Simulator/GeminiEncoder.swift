/// Renders one request's response in Gemini's `GenerateContentResponse` shape.
///
/// A stream (`alt=sse`) is one `data:` event per token, lines ending in CRLF as Google sends
/// them: `candidates[0].content.parts[0].text` with `role` `model`, `usageMetadata` with running
/// counts (`promptTokenCount`, `candidatesTokenCount`, `totalTokenCount`), `modelVersion` and
/// `responseId`; the last carries `finishReason` `STOP` or `MAX_TOKENS`. No end marker follows.
/// A failure mid-stream is an `{"error":{…}}` event, which ends the stream.
///
/// A request that reasons gets its reasoning tokens as parts marked `"thought": true` (as with
/// `includeThoughts`), and its usage counts them apart in `thoughtsTokenCount`, leaving
/// `candidatesTokenCount` to the answer.
struct GeminiEncoder: ResponseEncoding {
    /// The model name echoed as `modelVersion`.
    let model: String
    /// The response's id.
    let responseID: String
    /// Prompt length, reported as `promptTokenCount`.
    let promptTokens: Int
    /// The answer's tool call, sent whole as a `functionCall` part; nil for text.
    let toolCall: ToolCallPlan?
    /// Reasoning tokens the request makes before its answer.
    let reasoningTokens: Int

    /// An encoder for one request.
    init(request: InferenceRequest, context: EncoderContext) {
        self.toolCall = request.toolCall
        self.model = request.model ?? context.defaultModel
        self.responseID = context.hexID(digits: 24)
        self.promptTokens = request.promptTokens
        self.reasoningTokens = request.reasoningTokens
    }

    var framing: StreamFraming { .serverSentEvents(lineEnding: "\r\n") }

    func tokenEvent(_ token: SampledToken, index: Int) -> StreamEvent {
        let thoughts = min(index + 1, reasoningTokens)
        let parts = [(token.text, token.isReasoning)]
        return StreamEvent(
            payload: response(
                parts: parts, finishReason: token.finishReason, candidatesTokens: index + 1 - thoughts, thoughtsTokens: thoughts))
    }

    /// None: the last token's chunk carries the finish reason and the stream just ends.
    func closingEvents(_ outcome: GenerationOutcome) -> [StreamEvent] { [] }

    func failureEvents(_ error: APIError) -> [StreamEvent] {
        [StreamEvent(payload: GeminiDialect.errorBody(error))]
    }

    func fullBody(text: String, outcome: GenerationOutcome) -> String {
        fullBody(text: text, reasoning: "", outcome: outcome)
    }

    func fullBody(text: String, reasoning: String, outcome: GenerationOutcome) -> String {
        let parts = reasoning.isEmpty ? [(text, false)] : [(reasoning, true), (text, false)]
        return response(
            parts: parts, finishReason: outcome.finishReason,
            candidatesTokens: outcome.completionTokens - outcome.reasoningTokens, thoughtsTokens: outcome.reasoningTokens)
    }

    /// A response whose parts are `(text, isThought)`, an answer part being the tool call's
    /// `functionCall` part when the request is answered with one; usage reports
    /// `thoughtsTokenCount` when the request reasons.
    private func response(
        parts: [(text: String, isThought: Bool)], finishReason: FinishReason?, candidatesTokens: Int, thoughtsTokens: Int
    ) -> String {
        var out = JSONWriter()
        out.raw(#"{"candidates":[{"content":{"parts":["#)
        for (index, part) in parts.enumerated() {
            if index > 0 { out.raw(",") }
            if let toolCall, !part.isThought {
                out.raw(functionCallPart(toolCall))
                continue
            }
            out.raw(#"{"text":"#)
            out.string(part.text)
            out.raw(part.isThought ? #","thought":true}"# : "}")
        }
        out.raw(#"],"role":"model"}"#)
        if let finishReason {
            out.raw(#","finishReason":"\#(finishReason == .stop ? "STOP" : "MAX_TOKENS")""#)
        }
        out.raw(#","index":0}],"usageMetadata":{"promptTokenCount":\#(promptTokens),"#)
        out.raw(#""candidatesTokenCount":\#(candidatesTokens),"#)
        if reasoningTokens > 0 {
            out.raw(#""thoughtsTokenCount":\#(thoughtsTokens),"#)
        }
        out.raw(#""totalTokenCount":\#(promptTokens + candidatesTokens + thoughtsTokens)},"#)
        out.raw(#""modelVersion":"#)
        out.string(model)
        out.raw(#","responseId":"#)
        out.string(responseID)
        out.raw("}")
        return out.text
    }
}
