import Metrics

/// A non-streamed Bedrock `Converse` response, read by ``WholeBodyDecoder``:
/// `output.message.content[]`, `stopReason`, `usage` and `metrics`. The end marker is set when the
/// body has `output.message`; a body with only a `message` is an error (a stream error); any other
/// body counts one parse error.
enum BedrockBody: WholeBodyFormat {
    static func parse(_ body: [UInt8]) throws -> BedrockPayload {
        try BedrockPayload.parse(body)
    }

    static func observe(_ response: BedrockPayload, lastBytesAt: UInt64, into observation: inout ResponseObservation) {
        observation.recordBody(response.content, at: lastBytesAt)
        observation.finishReason = response.stopReason
        observation.usage = response.usage
        observation.serverTimings = response.latencyMs.map { ServerTimings(totalMs: $0) }
        if response.hasOutputMessage {
            observation.sawEndMarker = true
        } else if let message = response.message {
            observation.streamError = ErrorText.singleLine(message) ?? "error"
        } else {
            observation.parseErrors = 1
        }
    }
}
