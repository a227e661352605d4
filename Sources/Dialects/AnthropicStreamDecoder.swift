import Metrics

/// Decodes a streamed Anthropic Messages response: server-sent events `message_start` (prompt
/// usage), `content_block_start`, `content_block_delta` (text, thinking and tool-input deltas are tokens),
/// `content_block_stop`, `message_delta` (stop reason, cumulative usage), `message_stop` (the end
/// marker), with `ping` and unknown events ignored and an `error` event reported as a stream error.
///
/// Each event's type is its data's `type`, or the SSE `event` name when the data has none.
struct AnthropicStreamDecoder: FramedStreamDecoder, Sendable {
    /// The framing and the observation so far.
    var stream = FramedStream<SSEFraming>()
    /// The usage counts so far, merged from `message_start` and `message_delta`.
    private var usage = AnthropicUsage()

    /// Creates a decoder for one stream.
    init() {}

    /// Applies one event: a token for a text, thinking or tool-input delta, usage, the stop reason, the end
    /// marker or a stream error.
    mutating func handle(_ event: SSEEvent, at time: UInt64) {
        guard event.data.contains(where: { !OpenAIBodyDecoder.isJSONWhitespace($0) }) else { return }
        guard let parsed = try? AnthropicEvent.parse(event.data[...]) else {
            if event.event == "error" {
                stream.observation.streamError = ErrorText.singleLine(event.text) ?? "error"
            } else {
                stream.observation.parseErrors += 1
            }
            return
        }
        switch parsed.type ?? event.event {
        case "message_start":
            // Its output count is a placeholder until `message_delta` reports the real one.
            if var started = parsed.usage {
                started.outputTokens = nil
                record(started)
            }
        case "content_block_delta":
            var tally = DeltaTally()
            tally.add(parsed.content)
            stream.observation.record(tally, at: time)
        case "message_delta":
            if let reason = parsed.stopReason {
                stream.observation.finishReason = reason
            }
            if let delta = parsed.usage {
                record(delta)
            }
        case "message_stop":
            stream.observation.sawEndMarker = true
        default:
            break
        }
        if let message = parsed.errorMessage {
            stream.observation.streamError = ErrorText.singleLine(message) ?? "error"
        }
    }

    private mutating func record(_ counts: AnthropicUsage) {
        usage.merge(counts)
        stream.observation.usage = usage.tokenUsage
    }
}
