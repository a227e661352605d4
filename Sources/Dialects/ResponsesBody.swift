import Metrics

/// A non-streamed Responses API response, read by ``WholeBodyDecoder``: one `response` object
/// with `output` items, `status` and `usage`, or an `error` object. Its output counts as one
/// token, an answer when it holds message text or a function call, else reasoning; the end
/// marker is set for a `completed` or `incomplete` response; an error (or a `failed` response) is
/// a stream error; other JSON counts one parse error.
enum ResponsesBody: WholeBodyFormat {
    static func parse(_ body: [UInt8]) throws -> ResponsesEvent {
        try ResponsesEvent.parse(body[...])
    }

    static func observe(_ parsed: ResponsesEvent, lastBytesAt: UInt64, into observation: inout ResponseObservation) {
        let response = parsed.response
        if response.answerItems + response.functionCalls > 0 {
            observation.recordToken(response.answerItems > 0 ? .answer : .toolArguments, at: lastBytesAt)
        } else if response.reasoningItems > 0 {
            observation.recordToken(.reasoning, at: lastBytesAt)
        }
        observation.usage = response.usage
        observation.finishReason = response.incompleteReason ?? response.status
        if let error = parsed.errorMessage {
            observation.streamError = ErrorText.singleLine(error) ?? "error"
        } else if response.status == "failed" {
            observation.streamError = "response failed"
        } else if response.hasOutput, response.status == "completed" || response.status == "incomplete" {
            observation.sawEndMarker = true
        } else {
            observation.parseErrors = 1
        }
    }
}
