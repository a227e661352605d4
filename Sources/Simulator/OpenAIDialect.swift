/// The OpenAI-compatible API as vLLM serves it: `/v1/chat/completions`, `/v1/completions`,
/// `/v1/models`.
enum OpenAIDialect: WireDialect {
    static func parseRequest(_ body: [UInt8], route: GenerationRoute, profile: EngineProfile) throws(APIError)
        -> InferenceRequest
    {
        try InferenceRequest.parseOpenAI(kind: route.kind, body: body, modelFromPath: route.model, profile: profile)
    }

    static func encoder(for request: InferenceRequest, context: EncoderContext) -> any ResponseEncoding {
        OpenAIEncoder(request: request, context: context)
    }

    /// Chat only: a completion's `text` has no reasoning field.
    static func carriesReasoning(_ kind: GenerationKind) -> Bool { kind == .chat }

    /// OpenAI's shape, `{"error":{"message":…,"type":…,"param":…,"code":…}}`, with the HTTP status
    /// as `code` as vLLM does, except a 429's `code` `rate_limit_exceeded` (type `requests`) with
    /// `Retry-After`.
    static func errorResponse(_ error: APIError) -> ErrorResponse {
        var headers: [(String, String)] = []
        if let retryAfter = error.retryAfter { headers.append(("retry-after", retryAfter.headerValue)) }
        return ErrorResponse(status: error.status, body: errorBody(error), headers: headers)
    }

    /// `error` as OpenAI's JSON error object.
    static func errorBody(_ error: APIError) -> String {
        var out = JSONWriter()
        out.raw(#"{"error":{"message":"#)
        out.string(error.message)
        out.raw(#","type":"#)
        out.string(errorType(error.kind))
        out.raw(#","param":"#)
        if let param = error.param { out.string(param) } else { out.raw("null") }
        out.raw(#","code":"#)
        if error.kind == .rateLimited { out.string("rate_limit_exceeded") } else { out.raw(String(error.status)) }
        out.raw("}}")
        return out.text
    }

    /// `{"object":"list","data":[{"id":…,"object":"model",…}]}`.
    static func modelList(profile: EngineProfile, now: Double) -> String? {
        var out = JSONWriter()
        out.raw(#"{"object":"list","data":[{"id":"#)
        out.string(profile.modelName)
        out.raw(#","object":"model","created":\#(Int(now)),"owned_by":"repat-simulator"}]}"#)
        return out.text
    }

    /// OpenAI's error `type` for each kind of failure.
    private static func errorType(_ kind: APIError.Kind) -> String {
        switch kind {
        case .invalidRequest, .methodNotAllowed, .bodyTooLarge: "invalid_request_error"
        case .unauthenticated: "authentication_error"
        case .notFound: "not_found_error"
        case .rateLimited: "requests"
        case .unavailable, .serverError, .generationFailed: "server_error"
        }
    }
}
