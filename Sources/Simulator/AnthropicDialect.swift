/// Anthropic's Messages API: `POST /v1/messages` (named SSE events when streaming) and
/// `GET /v1/models` (for requests carrying `anthropic-version`). Credentials (`x-api-key`) and
/// the `anthropic-version` header are not required, so keyless simulated targets work.
///
/// Errors are `{"type":"error","error":{"type":…,"message":…}}`: 400 `invalid_request_error`,
/// 404 `not_found_error`, 413 `request_too_large`, 429 `rate_limit_error` (with `Retry-After`),
/// 500 `api_error`, and 529 `overloaded_error` for the unavailable fault.
enum AnthropicDialect: WireDialect {
    static func parseRequest(_ body: [UInt8], route: GenerationRoute, profile: EngineProfile) throws(APIError)
        -> InferenceRequest
    {
        try InferenceRequest.parseAnthropic(body: body, profile: profile)
    }

    static func encoder(for request: InferenceRequest, context: EncoderContext) -> any ResponseEncoding {
        AnthropicEncoder(request: request, context: context)
    }

    static func errorResponse(_ error: APIError) -> ErrorResponse {
        var headers: [(String, String)] = []
        if let retryAfter = error.retryAfter { headers.append(("retry-after", retryAfter.headerValue)) }
        let status = error.kind == .unavailable ? 529 : error.kind == .unauthenticated ? 401 : error.status
        return ErrorResponse(status: status, body: errorBody(error), headers: headers)
    }

    /// `{"type":"error","error":{"type":…,"message":…}}`.
    static func errorBody(_ error: APIError) -> String {
        var out = JSONWriter()
        out.raw(#"{"type":"error","error":{"type":"#)
        out.string(errorType(error.kind))
        out.raw(#","message":"#)
        out.string(error.message)
        out.raw("}}")
        return out.text
    }

    /// `{"data":[{"type":"model","id":…,"display_name":…,"created_at":…}],"has_more":false,…}`.
    static func modelList(profile: EngineProfile, now: Double) -> String? {
        var out = JSONWriter()
        out.raw(#"{"data":[{"type":"model","id":"#)
        out.string(profile.modelName)
        out.raw(#","display_name":"#)
        out.string(profile.modelName)
        out.raw(#","created_at":"#)
        out.string(WallClock.rfc3339(wholeSeconds: Int(now)))
        out.raw(#"}],"has_more":false,"first_id":"#)
        out.string(profile.modelName)
        out.raw(#","last_id":"#)
        out.string(profile.modelName)
        out.raw("}")
        return out.text
    }

    /// Anthropic's error `type` for each kind of failure.
    private static func errorType(_ kind: APIError.Kind) -> String {
        switch kind {
        case .invalidRequest, .methodNotAllowed: "invalid_request_error"
        case .unauthenticated: "authentication_error"
        case .notFound: "not_found_error"
        case .bodyTooLarge: "request_too_large"
        case .rateLimited: "rate_limit_error"
        case .unavailable: "overloaded_error"
        case .serverError, .generationFailed: "api_error"
        }
    }
}
