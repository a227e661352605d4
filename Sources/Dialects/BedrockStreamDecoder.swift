import EventStream
import Metrics

/// Decodes a Bedrock `ConverseStream` response: an `application/vnd.amazon.eventstream` body whose
/// messages carry one JSON event each.
///
/// Events (`:message-type` `event`, named by `:event-type`): `messageStart`, `contentBlockStart`,
/// `contentBlockDelta` (a token when its `delta.text`, `delta.reasoningContent.text` or
/// `delta.toolUse.input` is non-empty), `contentBlockStop`, `messageStop` (its `stopReason` is the finish reason; the end
/// marker) and `metadata` (usage and the server's `latencyMs`, sent right after `messageStop`).
/// Exceptions (`:message-type` `exception`, named by `:exception-type`, such as
/// `throttlingException` or `modelStreamErrorException`, with a `{"message":…}` payload) and
/// protocol errors (`:message-type` `error`, with `:error-code` and `:error-message` headers)
/// become ``ResponseObservation/streamError``. A broken frame (bad CRC, impossible length) counts
/// one parse error and ends parsing: nothing after it can be trusted.
struct BedrockStreamDecoder: FramedStreamDecoder, Sendable {
    /// The framing and the observation so far.
    var stream = FramedStream<AWSEventStreamFraming>()

    /// Creates a decoder for one stream.
    init() {}

    /// Applies one message: an event, an exception or a protocol error.
    mutating func handle(_ message: EventStreamMessage, at time: UInt64) {
        switch message.stringHeader(":message-type") {
        case "event":
            handleEvent(message.stringHeader(":event-type"), payload: message.payload, at: time)
        case "exception":
            let type = message.stringHeader(":exception-type") ?? "exception"
            let text = (try? BedrockPayload.parse(message.payload))?.message.flatMap(ErrorText.singleLine)
            stream.observation.streamError = ErrorText.singleLine(text.map { "\(type): \($0)" } ?? type) ?? type
        case "error":
            let code = message.stringHeader(":error-code") ?? "error"
            let text = message.stringHeader(":error-message").flatMap(ErrorText.singleLine)
            stream.observation.streamError = ErrorText.singleLine(text.map { "\(code): \($0)" } ?? code) ?? code
        default:
            stream.observation.parseErrors += 1
        }
    }

    private mutating func handleEvent(_ type: String?, payload: [UInt8], at time: UInt64) {
        guard let type else {
            stream.observation.parseErrors += 1
            return
        }
        guard let event = try? BedrockPayload.parse(payload) else {
            stream.observation.parseErrors += 1
            return
        }
        switch type {
        case "contentBlockDelta":
            var tally = DeltaTally()
            tally.add(event.content)
            stream.observation.record(tally, at: time)
        case "messageStop":
            stream.observation.finishReason = event.stopReason ?? stream.observation.finishReason
            stream.observation.sawEndMarker = true
        case "metadata":
            stream.observation.usage = event.usage ?? stream.observation.usage
            if let latencyMs = event.latencyMs {
                stream.observation.serverTimings = ServerTimings(totalMs: latencyMs)
            }
        default:
            // messageStart, contentBlockStart, contentBlockStop and event types added later carry
            // nothing repat measures.
            break
        }
    }
}

extension EventStreamMessage {
    /// The value of the first header named `name` when it is a string.
    func stringHeader(_ name: String) -> String? {
        if case .string(let value) = header(name) { value } else { nil }
    }
}
