/// A non-streamed Gemini response (`generateContent`), read by ``WholeBodyDecoder``: one
/// `GenerateContentResponse`. The end marker is set for a valid response (`candidates` or a prompt
/// `blockReason`, no `error`); an error body is a stream error; other JSON counts one parse error.
enum GeminiBody: WholeBodyFormat {
    static func parse(_ body: [UInt8]) throws -> GeminiResponse {
        try GeminiResponse.parse(body[...])
    }

    static func observe(_ response: GeminiResponse, lastBytesAt: UInt64, into observation: inout ResponseObservation) {
        observation.apply(response, at: lastBytesAt)
        if response.errorMessage == nil {
            if response.hasCandidates || response.blockReason != nil {
                observation.sawEndMarker = true
            } else {
                observation.parseErrors = 1
            }
        }
    }
}
