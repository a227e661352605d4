import NIOConcurrencyHelpers

/// Renders one request's response in the Responses API's shapes.
///
/// A stream is named server-sent events, each with its `type` and a `sequence_number` from 0:
/// `response.created` and `response.in_progress`; then, when the first tokens are reasoning
/// (``SampledToken/isReasoning``), a reasoning item (`response.output_item.added`,
/// `response.reasoning_summary_part.added`, one `response.reasoning_summary_text.delta` per
/// token, `response.reasoning_summary_text.done`, `response.reasoning_summary_part.done`,
/// `response.output_item.done`); then the message item (`response.output_item.added`,
/// `response.content_part.added`, one `response.output_text.delta` per token,
/// `response.output_text.done`, `response.content_part.done`, `response.output_item.done`);
/// or, for a request answered with a tool call (``ToolCallPlan``), a function call item
/// (`response.output_item.added`, one `response.function_call_arguments.delta` per argument
/// piece, `response.function_call_arguments.done`, `response.output_item.done`);
/// then `response.completed`, or `response.incomplete` (reason `max_output_tokens`) when the
/// output reached its limit, with the whole output and the usage (reasoning tokens counted).
/// Reasoning tokens after the answer began go out as answer text. A failure mid-stream is a
/// `response.failed` event carrying the error, which ends the stream. A body is the `response`
/// object alone.
///
/// The encoder keeps what the stream has said so far (sequence numbers, the open item, the texts
/// for the `…done` events), so it is a class; the handler drives it from one event loop, and the
/// lock only makes that safe to state.
final class ResponsesEncoder: ResponseEncoding {
    /// Which output item the stream is in.
    private enum Phase {
        case none, reasoning, message, functionCall
    }

    /// What the stream has said so far.
    private struct State {
        var sequence = 0
        var phase = Phase.none
        var hasReasoning = false
        var reasoningText = ""
        var answerText = ""
        var reasoningTokens = 0

        /// The next `sequence_number`.
        mutating func nextSequence() -> Int {
            defer { sequence += 1 }
            return sequence
        }
    }

    /// The hex part of the response's and its items' ids (`resp_…`, `rs_…`, `msg_…`).
    private let hex: String
    /// Unix time of the request's arrival, in seconds.
    private let created: Int
    /// The model name echoed.
    private let model: String
    /// The call the answer is, when the request is answered with one (``ToolCallPlan``): its
    /// tokens are then the arguments.
    private let toolCall: ToolCallPlan?
    private let state = NIOLockedValueBox(State())

    /// An encoder for one request; the context's id seed fixes its ids.
    init(request: InferenceRequest, context: EncoderContext) {
        self.hex = context.hexID(digits: 32)
        self.created = Int(context.receivedAt)
        self.model = request.model ?? context.defaultModel
        self.toolCall = request.toolCall
    }

    var framing: StreamFraming { .serverSentEvents(lineEnding: "\n") }

    func openingEvents() -> [StreamEvent] {
        state.withLockedValue { state in
            [
                event(&state, "response.created", #""response":"# + response(status: "in_progress", output: "")),
                event(&state, "response.in_progress", #""response":"# + response(status: "in_progress", output: "")),
            ]
        }
    }

    func eventsBefore(_ token: SampledToken, index: Int) -> [StreamEvent] {
        state.withLockedValue { state in
            switch (state.phase, token.isReasoning) {
            case (.none, true):
                state.phase = .reasoning
                state.hasReasoning = true
                return [
                    event(&state, "response.output_item.added", #""output_index":0,"item":"# + reasoningItem(text: nil)),
                    event(&state, "response.reasoning_summary_part.added", #""item_id":"rs_\#(hex)","output_index":0,"summary_index":0,"part":{"type":"summary_text","text":""}"#),
                ]
            case (.none, false), (.reasoning, false):
                var events = state.phase == .reasoning ? closeReasoning(&state) : []
                let index = state.hasReasoning ? 1 : 0
                if let toolCall {
                    state.phase = .functionCall
                    events.append(event(&state, "response.output_item.added", #""output_index":\#(index),"item":"# + functionCallItem(toolCall, arguments: nil)))
                    return events
                }
                state.phase = .message
                events.append(event(&state, "response.output_item.added", #""output_index":\#(index),"item":"# + messageItem(text: nil)))
                events.append(event(&state, "response.content_part.added", #""item_id":"msg_\#(hex)","output_index":\#(index),"content_index":0,"part":{"type":"output_text","text":"","annotations":[]}"#))
                return events
            case (.reasoning, true), (.message, _), (.functionCall, _):
                return []
            }
        }
    }

    func tokenEvent(_ token: SampledToken, index: Int) -> StreamEvent {
        state.withLockedValue { state in
            var delta = JSONWriter()
            delta.string(token.text)
            if state.phase == .reasoning {
                state.reasoningText += token.text
                state.reasoningTokens += 1
                return event(&state, "response.reasoning_summary_text.delta", #""item_id":"rs_\#(hex)","output_index":0,"summary_index":0,"delta":"# + delta.text)
            }
            state.answerText += token.text
            let index = state.hasReasoning ? 1 : 0
            if state.phase == .functionCall {
                return event(&state, "response.function_call_arguments.delta", #""item_id":"fc_\#(hex)","output_index":\#(index),"delta":"# + delta.text)
            }
            return event(&state, "response.output_text.delta", #""item_id":"msg_\#(hex)","output_index":\#(index),"content_index":0,"delta":"# + delta.text + #","logprobs":[]"#)
        }
    }

    func closingEvents(_ outcome: GenerationOutcome) -> [StreamEvent] {
        state.withLockedValue { state in
            var events: [StreamEvent] = []
            switch state.phase {
            case .reasoning: events += closeReasoning(&state)
            case .message: events += closeMessage(&state)
            case .functionCall: events += closeFunctionCall(&state)
            case .none: break
            }
            let type = outcome.finishReason == .length ? "response.incomplete" : "response.completed"
            events.append(event(&state, type, #""response":"# + finished(outcome, state: state)))
            return events
        }
    }

    func failureEvents(_ error: APIError) -> [StreamEvent] {
        state.withLockedValue { state in
            var failure = JSONWriter()
            failure.raw(#"{"code":"server_error","message":"#)
            failure.string(error.message)
            failure.raw("}")
            return [event(&state, "response.failed", #""response":"# + response(status: "failed", output: "", error: failure.text))]
        }
    }

    func fullBody(text: String, outcome: GenerationOutcome) -> String {
        var state = State()
        state.phase = toolCall == nil ? .message : .functionCall
        state.answerText = text
        return finished(outcome, state: state)
    }

    /// The `response` object of a finished generation: completed, or incomplete at the limit.
    private func finished(_ outcome: GenerationOutcome, state: State) -> String {
        var output: [String] = []
        if state.hasReasoning { output.append(reasoningItem(text: state.reasoningText)) }
        if state.phase == .message { output.append(messageItem(text: state.answerText)) }
        if state.phase == .functionCall, let toolCall { output.append(functionCallItem(toolCall, arguments: state.answerText)) }
        let usage =
            #"{"input_tokens":\#(outcome.promptTokens),"input_tokens_details":{"cached_tokens":0},"#
            + #""output_tokens":\#(outcome.completionTokens),"output_tokens_details":{"reasoning_tokens":\#(state.reasoningTokens)},"#
            + #""total_tokens":\#(outcome.promptTokens + outcome.completionTokens)}"#
        let incomplete = outcome.finishReason == .length
        return response(
            status: incomplete ? "incomplete" : "completed", output: output.joined(separator: ","),
            incomplete: incomplete ? #"{"reason":"max_output_tokens"}"# : nil, usage: usage)
    }

    /// The events closing the reasoning item.
    private func closeReasoning(_ state: inout State) -> [StreamEvent] {
        var text = JSONWriter()
        text.string(state.reasoningText)
        let reasoning = state.reasoningText
        return [
            event(&state, "response.reasoning_summary_text.done", #""item_id":"rs_\#(hex)","output_index":0,"summary_index":0,"text":"# + text.text),
            event(&state, "response.reasoning_summary_part.done", #""item_id":"rs_\#(hex)","output_index":0,"summary_index":0,"part":{"type":"summary_text","text":"# + text.text + "}"),
            event(&state, "response.output_item.done", #""output_index":0,"item":"# + reasoningItem(text: reasoning)),
        ]
    }

    /// The events closing the message item.
    private func closeMessage(_ state: inout State) -> [StreamEvent] {
        var text = JSONWriter()
        text.string(state.answerText)
        let index = state.hasReasoning ? 1 : 0
        let answer = state.answerText
        return [
            event(&state, "response.output_text.done", #""item_id":"msg_\#(hex)","output_index":\#(index),"content_index":0,"text":"# + text.text + #","logprobs":[]"#),
            event(&state, "response.content_part.done", #""item_id":"msg_\#(hex)","output_index":\#(index),"content_index":0,"part":{"type":"output_text","text":"# + text.text + #","annotations":[]}"#),
            event(&state, "response.output_item.done", #""output_index":\#(index),"item":"# + messageItem(text: answer)),
        ]
    }

    /// The events closing the function call item.
    private func closeFunctionCall(_ state: inout State) -> [StreamEvent] {
        guard let toolCall else { return [] }
        var arguments = JSONWriter()
        arguments.string(state.answerText)
        let index = state.hasReasoning ? 1 : 0
        let text = state.answerText
        return [
            event(&state, "response.function_call_arguments.done", #""item_id":"fc_\#(hex)","output_index":\#(index),"arguments":"# + arguments.text),
            event(&state, "response.output_item.done", #""output_index":\#(index),"item":"# + functionCallItem(toolCall, arguments: text)),
        ]
    }

    /// The function call item: in progress (no arguments yet) when `arguments` is nil.
    private func functionCallItem(_ call: ToolCallPlan, arguments: String?) -> String {
        var out = JSONWriter()
        out.raw(#"{"id":"fc_\#(hex)","type":"function_call","status":"\#(arguments == nil ? "in_progress" : "completed")","arguments":"#)
        out.string(arguments ?? "")
        out.raw(#","call_id":"#)
        out.string(call.id(prefix: "call_"))
        out.raw(#","name":"#)
        out.string(call.name)
        out.raw("}")
        return out.text
    }

    /// `{"type":…,"sequence_number":…,` + `members` + `}` as an event named `type`.
    private func event(_ state: inout State, _ type: String, _ members: String) -> StreamEvent {
        StreamEvent(name: type, payload: #"{"type":"\#(type)","sequence_number":\#(state.nextSequence()),"# + members + "}")
    }

    /// A `response` object.
    private func response(status: String, output: String, error: String? = nil, incomplete: String? = nil, usage: String? = nil) -> String {
        var out = JSONWriter()
        out.raw(#"{"id":"resp_\#(hex)","object":"response","created_at":\#(created),"status":"\#(status)","error":"#)
        out.raw(error ?? "null")
        out.raw(#","incomplete_details":"#)
        out.raw(incomplete ?? "null")
        out.raw(#","model":"#)
        out.string(model)
        out.raw(#","output":[\#(output)],"usage":"#)
        out.raw(usage ?? "null")
        out.raw("}")
        return out.text
    }

    /// The reasoning item: in progress (no summary yet) when `text` is nil.
    private func reasoningItem(text: String?) -> String {
        var out = JSONWriter()
        out.raw(#"{"id":"rs_\#(hex)","type":"reasoning","summary":["#)
        if let text {
            out.raw(#"{"type":"summary_text","text":"#)
            out.string(text)
            out.raw("}")
        }
        out.raw("]}")
        return out.text
    }

    /// The message item: in progress (no content yet) when `text` is nil.
    private func messageItem(text: String?) -> String {
        var out = JSONWriter()
        out.raw(#"{"id":"msg_\#(hex)","type":"message","status":"\#(text == nil ? "in_progress" : "completed")","role":"assistant","content":["#)
        if let text {
            out.raw(#"{"type":"output_text","text":"#)
            out.string(text)
            out.raw(#","annotations":[]}"#)
        }
        out.raw("]}")
        return out.text
    }
}
