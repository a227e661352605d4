/// Renders one request's response in Ollama's native shapes: newline-delimited JSON objects, one
/// per token (`"done":false`), then a final object with `"done":true`, `done_reason` and the
/// server's timings in nanoseconds, from the engine's real timeline:
///
/// - `total_duration`: from reaching the engine to the last token;
/// - `load_duration`: waiting for an engine slot (Ollama counts the scheduler's wait here; the
///   simulated model is always loaded);
/// - `prompt_eval_count` / `prompt_eval_duration`: prompt tokens, and admission to first token;
/// - `eval_count` / `eval_duration`: output tokens, and first token to last.
///
/// `/api/chat` objects carry `message`; `/api/generate` objects carry `response`. Reasoning
/// tokens go in `message.thinking` (chat) or `thinking` (generate) beside an empty content, as
/// Ollama sends a thinking model's reasoning. A failure mid-stream is an `{"error":…}` line.
struct OllamaEncoder: ResponseEncoding {
    /// The model name echoed in every object.
    let model: String
    /// Chat (`message`) or generate (`response`) shapes.
    let kind: GenerationKind
    /// The chat answer's tool call, sent whole in `message.tool_calls`; nil for text.
    let toolCall: ToolCallPlan?

    /// An encoder for one request.
    init(request: InferenceRequest, context: EncoderContext) {
        self.model = request.model ?? context.defaultModel
        self.kind = request.kind
        self.toolCall = request.kind == .chat ? request.toolCall : nil
    }

    var framing: StreamFraming { .jsonLines }

    func tokenEvent(_ token: SampledToken, index: Int) -> StreamEvent {
        var out = header()
        if token.isReasoning {
            content("", thinking: token.text, into: &out)
        } else {
            content(token.text, into: &out)
        }
        out.raw(#","done":false}"#)
        return StreamEvent(payload: out.text)
    }

    func closingEvents(_ outcome: GenerationOutcome) -> [StreamEvent] {
        [StreamEvent(payload: final(text: "", outcome: outcome))]
    }

    func failureEvents(_ error: APIError) -> [StreamEvent] {
        [StreamEvent(payload: OllamaDialect.errorBody(error.message))]
    }

    func fullBody(text: String, outcome: GenerationOutcome) -> String {
        final(text: text, outcome: outcome)
    }

    func fullBody(text: String, reasoning: String, outcome: GenerationOutcome) -> String {
        final(text: text, thinking: reasoning, outcome: outcome)
    }

    /// The object with `"done":true`, the reason and the timings (and the whole `thinking` of a
    /// non-streamed response that reasoned).
    private func final(text: String, thinking: String = "", outcome: GenerationOutcome) -> String {
        let timeline = outcome.timeline
        var out = header()
        content(text, thinking: thinking, into: &out)
        out.raw(#","done_reason":"\#(outcome.finishReason.rawValue)","done":true"#)
        out.raw(#","total_duration":\#(timeline.totalNanos),"load_duration":\#(timeline.queueNanos)"#)
        out.raw(#","prompt_eval_count":\#(outcome.promptTokens),"prompt_eval_duration":\#(timeline.prefillNanos)"#)
        out.raw(#","eval_count":\#(outcome.completionTokens),"eval_duration":\#(timeline.decodeNanos)}"#)
        return out.text
    }

    /// `{"model":…,"created_at":…,` with the time now.
    private func header() -> JSONWriter {
        var out = JSONWriter()
        out.raw(#"{"model":"#)
        out.string(model)
        out.raw(#","created_at":"#)
        out.string(WallClock.rfc3339(WallClock.now()))
        out.raw(",")
        return out
    }

    /// `"message":{"role":"assistant","content":…}` for chat, `"response":…` for generate, with
    /// `thinking` after the text when it is not empty.
    private func content(_ text: String, thinking: String = "", into out: inout JSONWriter) {
        switch kind {
        case .chat:
            out.raw(#""message":{"role":"assistant","content":"#)
            if let toolCall, !text.isEmpty {
                // The call's one token (streamed) or the whole body: the call in place of text.
                out.raw(#""","tool_calls":["# + toolCallObject(toolCall) + "]}")
                return
            }
            out.string(text)
            if !thinking.isEmpty {
                out.raw(#","thinking":"#)
                out.string(thinking)
            }
            out.raw("}")
        case .completion:
            out.raw(#""response":"#)
            out.string(text)
            if !thinking.isEmpty {
                out.raw(#","thinking":"#)
                out.string(thinking)
            }
        }
    }
}
