/// Azure OpenAI: OpenAI's request and response shapes under
/// `/openai/deployments/{deployment}/chat/completions?api-version=…` (and `/completions`), the
/// deployment standing for the model.
///
/// Azure's own error shape, `{"error":{"code":"<status>","message":…}}` with a string code, is
/// used where Azure answers itself: 404 `Resource not found` (also for a call without
/// `api-version`) and 429 with `Retry-After`. Other errors pass through in OpenAI's shape.
enum AzureDialect: WireDialect {
    static func parseRequest(_ body: [UInt8], route: GenerationRoute, profile: EngineProfile) throws(APIError)
        -> InferenceRequest
    {
        try OpenAIDialect.parseRequest(body, route: route, profile: profile)
    }

    static func encoder(for request: InferenceRequest, context: EncoderContext) -> any ResponseEncoding {
        OpenAIEncoder(request: request, context: context)
    }

    /// As OpenAI: chat only.
    static func carriesReasoning(_ kind: GenerationKind) -> Bool { OpenAIDialect.carriesReasoning(kind) }

    static func errorResponse(_ error: APIError) -> ErrorResponse {
        switch error.kind {
        case .notFound:
            return ErrorResponse(status: 404, body: azureBody(code: "404", message: "Resource not found"))
        case .rateLimited:
            var headers: [(String, String)] = []
            if let retryAfter = error.retryAfter { headers.append(("retry-after", retryAfter.headerValue)) }
            return ErrorResponse(status: 429, body: azureBody(code: "429", message: error.message), headers: headers)
        default:
            return OpenAIDialect.errorResponse(error)
        }
    }

    /// `GET /openai/models?api-version=…`: the served model, in OpenAI's list shape.
    static func modelList(profile: EngineProfile, now: Double) -> String? {
        OpenAIDialect.modelList(profile: profile, now: now)
    }

    private static func azureBody(code: String, message: String) -> String {
        var out = JSONWriter()
        out.raw(#"{"error":{"code":"#)
        out.string(code)
        out.raw(#","message":"#)
        out.string(message)
        out.raw("}}")
        return out.text
    }
}
