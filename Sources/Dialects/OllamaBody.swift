/// A non-streamed response of Ollama's native API (`"stream": false`), read by
/// ``WholeBodyDecoder``: one JSON object with the whole text, `done`, `done_reason`, the counts and
/// the durations. The end marker is set when it says `done: true`; JSON of another shape counts one
/// parse error.
enum OllamaBody: WholeBodyFormat {
    static func parse(_ body: [UInt8]) throws -> OllamaResponse {
        try OllamaResponse.parse(body[...])
    }

    static func observe(_ response: OllamaResponse, lastBytesAt: UInt64, into observation: inout ResponseObservation) {
        observation.apply(response, at: lastBytesAt)
        if !response.done, response.errorMessage == nil {
            observation.parseErrors = 1
        }
    }
}
