import Metrics

/// Decodes a streamed Responses API response: server-sent events typed by their data's `type`
/// (or the SSE `event` name when the data has none). Non-empty `delta`s of
/// `response.output_text.delta` and `response.refusal.delta` are answer tokens,
/// `response.reasoning_summary_text.delta` and `response.reasoning_text.delta` reasoning tokens,
/// `response.function_call_arguments.delta` tool-argument tokens. `response.completed` and
/// `response.incomplete` end the stream (usage, and the status or the incomplete reason, such as
/// `max_output_tokens`, as the finish reason); `response.failed` and `error` events are stream
/// errors. Every other event (`response.created`, `response.output_item.added`, the `…done`
/// events) carries nothing measured. The API sends no `[DONE]`.
struct ResponsesStreamDecoder: FramedStreamDecoder, Sendable {
    /// The framing and the observation so far.
    var stream = FramedStream<SSEFraming>()

    /// Creates a decoder for one stream.
    init() {}

    /// Applies one event: a token, the end with usage, or a stream error.
    mutating func handle(_ event: SSEEvent, at time: UInt64) {
        guard event.data.contains(where: { !OpenAIBodyDecoder.isJSONWhitespace($0) }) else { return }
        guard let parsed = try? ResponsesEvent.parse(event.data[...]) else {
            if event.event == "error" {
                stream.observation.streamError = ErrorText.singleLine(event.text) ?? "error"
            } else {
                stream.observation.parseErrors += 1
            }
            return
        }
        let type = parsed.type ?? event.event ?? ""
        if let kind = ResponsesEvent.deltaKind(of: type) {
            if parsed.bearsDelta { stream.observation.recordToken(kind, at: time) }
            return
        }
        switch type {
        case "response.completed", "response.incomplete":
            let response = parsed.response
            if let usage = response.usage { stream.observation.usage = usage }
            stream.observation.finishReason = response.incompleteReason ?? response.status ?? String(type.dropFirst("response.".count))
            stream.observation.sawEndMarker = true
        case "response.failed":
            if let usage = parsed.response.usage { stream.observation.usage = usage }
            stream.observation.streamError = ErrorText.singleLine(parsed.errorMessage ?? "response failed") ?? "error"
        case "error":
            stream.observation.streamError = ErrorText.singleLine(parsed.errorMessage ?? event.text) ?? "error"
        default:
            break
        }
    }
}
