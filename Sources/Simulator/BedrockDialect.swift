import NIOHTTP1

/// AWS Bedrock's runtime Converse API: `POST /model/{modelId}/converse` (JSON) and
/// `/converse-stream` (`application/vnd.amazon.eventstream`).
///
/// Every request must be signed: without an `Authorization: AWS4-HMAC-SHA256 Credential=…,
/// SignedHeaders=…, Signature=…` header and an `X-Amz-Date` header it is refused 403, as AWS
/// does (the signature itself is not verified). Errors are `{"message":…}` with the exception's
/// name in `x-amzn-ErrorType`: `ValidationException` (400), `ThrottlingException` (429),
/// `ServiceUnavailableException` (503), `InternalServerException` (500).
enum BedrockDialect: WireDialect {
    static func parseRequest(_ body: [UInt8], route: GenerationRoute, profile: EngineProfile) throws(APIError)
        -> InferenceRequest
    {
        try InferenceRequest.parseBedrock(body: body, route: route, profile: profile)
    }

    static func encoder(for request: InferenceRequest, context: EncoderContext) -> any ResponseEncoding {
        BedrockEncoder(request: request)
    }

    static func errorResponse(_ error: APIError) -> ErrorResponse {
        var out = JSONWriter()
        out.raw(#"{"message":"#)
        out.string(error.message)
        out.raw("}")
        let exception = error.code ?? exceptionName(error.kind)
        return ErrorResponse(status: error.status, body: out.text, headers: [("x-amzn-ErrorType", exception)])
    }

    /// 403 `MissingAuthenticationTokenException` without an `Authorization` header,
    /// `IncompleteSignatureException` when it is not a SigV4 signature naming its credential,
    /// signed headers and signature, or when `X-Amz-Date` is missing.
    static func authorizationFailure(_ headers: HTTPHeaders) -> APIError? {
        guard let authorization = headers.first(name: "authorization") else {
            return APIError(
                kind: .unauthenticated, message: "Missing Authentication Token",
                code: "MissingAuthenticationTokenException")
        }
        let isSigV4 = authorization.hasPrefix("AWS4-HMAC-SHA256 ")
            && ["Credential=", "SignedHeaders=", "Signature="].allSatisfy { authorization.contains($0) }
        guard isSigV4 else {
            return APIError(
                kind: .unauthenticated,
                message: "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters "
                    + "of an AWS4-HMAC-SHA256 signature.",
                code: "IncompleteSignatureException")
        }
        guard headers.contains(name: "x-amz-date") else {
            return APIError(
                kind: .unauthenticated, message: "Authorization header requires existence of a 'X-Amz-Date' header.",
                code: "IncompleteSignatureException")
        }
        return nil
    }

    /// The exception AWS names each kind of failure with.
    private static func exceptionName(_ kind: APIError.Kind) -> String {
        switch kind {
        case .invalidRequest, .bodyTooLarge: "ValidationException"
        case .unauthenticated: "MissingAuthenticationTokenException"
        case .notFound, .methodNotAllowed: "UnknownOperationException"
        case .rateLimited: "ThrottlingException"
        case .unavailable: "ServiceUnavailableException"
        case .serverError, .generationFailed: "InternalServerException"
        }
    }
}
