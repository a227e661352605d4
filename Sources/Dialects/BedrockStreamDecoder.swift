import EventStream

/// Decodes a Bedrock `ConverseStream` response: an `application/vnd.amazon.eventstream` body whose
/// messages carry one JSON event each.
///
/// Events (`:message-type` `event`, named by `:event-type`): `messageStart`, `contentBlockStart`,
/// `contentBlockDelta` (a token when its `delta.text` or `delta.reasoningContent.text` is
/// non-empty), `contentBlockStop`, `messageStop` (its `stopReason` is the finish reason; the end
/// marker) and `metadata` (usage and the server's `latencyMs`, sent right after `messageStop`).
/// Exceptions (`:message-type` `exception`, named by `:exception-type`, such as
/// `throttlingException` or `modelStreamErrorException`, with a `{"message":…}` payload) and
/// protocol errors (`:message-type` `error`, with `:error-code` and `:error-message` headers)
/// become ``ResponseObservation/streamError``. A broken frame (bad CRC, impossible length) counts
/// one parse error and ends parsing: nothing after it can be trusted.
public struct BedrockStreamDecoder: ResponseDecoder, Sendable {
    private var frames = EventStreamDecoder()
    private var observation = ResponseObservation()
    /// Set by a framing error; later bytes are ignored.
    private var framingFailed = false

    /// Creates a decoder for one stream.
    public init() {}

    /// Whether a token-bearing delta has arrived so far.
    public var hasToken: Bool { !observation.tokenTimes.isEmpty }

    /// Whether `messageStop` has arrived.
    public var sawEndMarker: Bool { observation.sawEndMarker }

    /// Parses the next body bytes; events they complete are stamped `receivedAt` (monotonic ns).
    public mutating func consume(_ bytes: [UInt8], receivedAt: UInt64) {
        guard !framingFailed else { return }
        do {
            for message in try frames.feed(bytes) {
                handle(message, at: receivedAt)
            }
        } catch {
            observation.parseErrors += 1
            framingFailed = true
        }
    }

    /// Ends the stream. A message cut short by the end of the body counts one parse error.
    public mutating func finish(at: UInt64) -> ResponseObservation {
        if !framingFailed, frames.hasPartialMessage {
            observation.parseErrors += 1
        }
        return observation
    }

    private mutating func handle(_ message: EventStreamMessage, at time: UInt64) {
        switch message.stringHeader(":message-type") {
        case "event":
            handleEvent(message.stringHeader(":event-type"), payload: message.payload, at: time)
        case "exception":
            let type = message.stringHeader(":exception-type") ?? "exception"
            let text = (try? BedrockPayload.parse(message.payload))?.message.flatMap(ErrorText.singleLine)
            observation.streamError = ErrorText.singleLine(text.map { "\(type): \($0)" } ?? type) ?? type
        case "error":
            let code = message.stringHeader(":error-code") ?? "error"
            let text = message.stringHeader(":error-message").flatMap(ErrorText.singleLine)
            observation.streamError = ErrorText.singleLine(text.map { "\(code): \($0)" } ?? code) ?? code
        default:
            observation.parseErrors += 1
        }
    }

    private mutating func handleEvent(_ type: String?, payload: [UInt8], at time: UInt64) {
        guard let type else {
            observation.parseErrors += 1
            return
        }
        guard let event = try? BedrockPayload.parse(payload) else {
            observation.parseErrors += 1
            return
        }
        switch type {
        case "contentBlockDelta":
            if event.textBlocks > 0 {
                observation.deltaCount += 1
                observation.tokenTimes.append(time)
            }
        case "messageStop":
            observation.finishReason = event.stopReason ?? observation.finishReason
            observation.sawEndMarker = true
        case "metadata":
            observation.usage = event.usage ?? observation.usage
            if let latencyMs = event.latencyMs {
                observation.serverTimings = ServerTimings(totalMs: latencyMs)
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
