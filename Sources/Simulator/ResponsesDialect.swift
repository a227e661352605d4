/// OpenAI's Responses API as OpenAI and vLLM serve it: `POST /v1/responses`, answered with one
/// `response` object or a stream of typed events (see ``ResponsesEncoder``). Errors and the
/// model listing are OpenAI's (``OpenAIDialect``).
enum ResponsesDialect: WireDialect {
    static func parseRequest(_ body: [UInt8], route: GenerationRoute, profile: EngineProfile) throws(APIError)
        -> InferenceRequest
    {
        try InferenceRequest.parseResponses(body: body, profile: profile)
    }

    static func encoder(for request: InferenceRequest, context: EncoderContext) -> any ResponseEncoding {
        ResponsesEncoder(request: request, context: context)
    }

    /// OpenAI's error object (see ``OpenAIDialect/errorResponse(_:)``).
    static func errorResponse(_ error: APIError) -> ErrorResponse {
        OpenAIDialect.errorResponse(error)
    }

    /// OpenAI's model list.
    static func modelList(profile: EngineProfile, now: Double) -> String? {
        OpenAIDialect.modelList(profile: profile, now: now)
    }
}
