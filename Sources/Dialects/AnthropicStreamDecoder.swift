/// Decodes a streamed Anthropic Messages response: server-sent events `message_start` (prompt
/// usage), `content_block_start`, `content_block_delta` (text and thinking deltas are tokens),
/// `content_block_stop`, `message_delta` (stop reason, cumulative usage), `message_stop` (the end
/// marker), with `ping` and unknown events ignored and an `error` event reported as a stream error.
///
/// Each event's type is its data's `type`, or the SSE `event` name when the data has none.
public struct AnthropicStreamDecoder: ResponseDecoder, Sendable {
    private var parser = SSEParser()
    private var observation = ResponseObservation()
    /// The usage counts so far, merged from `message_start` and `message_delta`.
    private var usage = AnthropicUsage()
    /// Events completed by the current read, handled once the parser returns.
    private var completed: [SSEEvent] = []

    /// Creates a decoder for one stream.
    public init() {}

    /// Parses the next stream bytes; events they complete are stamped `receivedAt` (monotonic ns).
    public mutating func consume(_ bytes: [UInt8], receivedAt: UInt64) {
        var events = completed
        completed = []
        parser.feed(bytes) { events.append($0) }
        for event in events {
            handle(event, at: receivedAt)
        }
        events.removeAll(keepingCapacity: true)
        completed = events
    }

    /// Whether a text or thinking delta has arrived so far.
    public var hasToken: Bool { !observation.tokenTimes.isEmpty }

    /// Whether `message_stop` has arrived.
    public var sawEndMarker: Bool { observation.sawEndMarker }

    /// Ends the stream at `at` (monotonic ns). An unterminated last event is still handled.
    public mutating func finish(at: UInt64) -> ResponseObservation {
        var events: [SSEEvent] = []
        parser.finish(dispatchingIncomplete: true) { events.append($0) }
        for event in events {
            handle(event, at: at)
        }
        return observation
    }

    private mutating func handle(_ event: SSEEvent, at time: UInt64) {
        guard event.data.contains(where: { !OpenAIBodyDecoder.isJSONWhitespace($0) }) else { return }
        guard let parsed = try? AnthropicEvent.parse(event.data[...]) else {
            if event.event == "error" {
                observation.streamError = ErrorText.singleLine(event.text) ?? "error"
            } else {
                observation.parseErrors += 1
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
            if parsed.bearsTokens {
                observation.deltaCount += 1
                observation.tokenTimes.append(time)
            }
        case "message_delta":
            if let reason = parsed.stopReason {
                observation.finishReason = reason
            }
            if let delta = parsed.usage {
                record(delta)
            }
        case "message_stop":
            observation.sawEndMarker = true
        default:
            break
        }
        if let message = parsed.errorMessage {
            observation.streamError = ErrorText.singleLine(message) ?? "error"
        }
    }

    private mutating func record(_ counts: AnthropicUsage) {
        usage.merge(counts)
        observation.usage = usage.tokenUsage
    }
}
