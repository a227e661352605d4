/// Google's Gemini API: `POST /v1beta/models/{model}:generateContent` and
/// `:streamGenerateContent?alt=sse`, and `GET /v1beta/models`.
///
/// Errors are `{"error":{"code":…,"message":…,"status":…}}` with Google's canonical status names:
/// `INVALID_ARGUMENT` (400), `NOT_FOUND` (404), `RESOURCE_EXHAUSTED` (429, with a `RetryInfo`
/// detail instead of a `Retry-After` header), `INTERNAL` (500), `UNAVAILABLE` (503).
enum GeminiDialect: WireDialect {
    static func parseRequest(_ body: [UInt8], route: GenerationRoute, profile: EngineProfile) throws(APIError)
        -> InferenceRequest
    {
        try InferenceRequest.parseGemini(body: body, route: route, profile: profile)
    }

    static func encoder(for request: InferenceRequest, context: EncoderContext) -> any ResponseEncoding {
        GeminiEncoder(request: request, context: context)
    }

    static func errorResponse(_ error: APIError) -> ErrorResponse {
        ErrorResponse(status: error.status, body: errorBody(error))
    }

    /// `{"error":{"code":…,"message":…,"status":…}}`, plus `details` with the retry delay for a 429.
    static func errorBody(_ error: APIError) -> String {
        var out = JSONWriter()
        out.raw(#"{"error":{"code":\#(error.status),"message":"#)
        out.string(error.message)
        out.raw(#","status":"\#(status(error.kind))""#)
        if let retryAfter = error.retryAfter {
            out.raw(#","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","#)
            out.raw(#""retryDelay":"\#(retryAfter.seconds)s"}]"#)
        }
        out.raw("}}")
        return out.text
    }

    /// `{"models":[{"name":"models/…","displayName":…,"supportedGenerationMethods":[…]}]}`.
    static func modelList(profile: EngineProfile, now: Double) -> String? {
        var out = JSONWriter()
        out.raw(#"{"models":[{"name":"#)
        out.string("models/" + profile.modelName)
        out.raw(#","displayName":"#)
        out.string(profile.modelName)
        out.raw(#","supportedGenerationMethods":["generateContent","countTokens"]}]}"#)
        return out.text
    }

    /// Google's canonical status name for each kind of failure.
    private static func status(_ kind: APIError.Kind) -> String {
        switch kind {
        case .invalidRequest, .methodNotAllowed, .bodyTooLarge: "INVALID_ARGUMENT"
        case .unauthenticated: "UNAUTHENTICATED"
        case .notFound: "NOT_FOUND"
        case .rateLimited: "RESOURCE_EXHAUSTED"
        case .unavailable: "UNAVAILABLE"
        case .serverError, .generationFailed: "INTERNAL"
        }
    }
}
