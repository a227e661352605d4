/// A failure answered to a client, independent of API dialect: what went wrong and a sentence a
/// person can act on. Each dialect renders it in its own shape and status code
/// (``WireDialect/errorResponse(_:)``), as an HTTP response or inside a stream.
struct APIError: Error, Sendable, Equatable {
    /// What went wrong.
    enum Kind: Sendable, Equatable {
        /// The request body is not what the endpoint accepts (400).
        case invalidRequest
        /// The request carries no credentials the API accepts (Bedrock: 403).
        case unauthenticated
        /// No such route or resource (404).
        case notFound
        /// The route exists but not for this method (405).
        case methodNotAllowed
        /// The request body exceeds the limit (413).
        case bodyTooLarge
        /// A rejection injected by ``EngineProfile/FaultOptions/rateLimitRate`` (429).
        case rateLimited
        /// A rejection injected by ``EngineProfile/FaultOptions/unavailableRate`` (503; 529 for
        /// Anthropic).
        case unavailable
        /// An error injected by ``EngineProfile/errorRate`` (500).
        case serverError
        /// A failure injected by ``EngineProfile/FaultOptions/streamErrorRate`` partway through
        /// generation (500, or an error event inside a 200 stream).
        case generationFailed
    }

    /// What went wrong.
    var kind: Kind
    /// A sentence a person can act on.
    var message: String
    /// The request field at fault, when one is (OpenAI's `param`).
    var param: String?
    /// For ``Kind/rateLimited``: when to retry, for the dialects that say so.
    var retryAfter: RetryAfter?
    /// A dialect's own name for the failure when it is finer than `kind` (AWS's exception name,
    /// e.g. `IncompleteSignatureException`).
    var code: String?

    /// The HTTP status most APIs give this kind of failure.
    var status: Int {
        switch kind {
        case .invalidRequest: 400
        case .unauthenticated: 403
        case .notFound: 404
        case .methodNotAllowed: 405
        case .bodyTooLarge: 413
        case .rateLimited: 429
        case .unavailable: 503
        case .serverError, .generationFailed: 500
        }
    }

    /// 400: the request body is not what the endpoint accepts.
    static func invalidRequest(_ message: String, param: String? = nil) -> APIError {
        APIError(kind: .invalidRequest, message: message, param: param)
    }

    /// 404: no such route.
    static func notFound(path: String) -> APIError {
        APIError(kind: .notFound, message: "no route for '\(path)'")
    }

    /// 405: the route exists but not for this method.
    static func methodNotAllowed(method: String, path: String, allowed: String) -> APIError {
        APIError(kind: .methodNotAllowed, message: "method \(method) is not allowed on '\(path)'; use \(allowed)")
    }

    /// 413: the request body exceeds the limit.
    static func bodyTooLarge(limitBytes: Int) -> APIError {
        APIError(kind: .bodyTooLarge, message: "request body exceeds \(limitBytes) bytes")
    }

    /// 500: an error injected by ``EngineProfile/errorRate``.
    static let injected = APIError(kind: .serverError, message: "simulated server error (error_rate)")

    /// 429: a rejection injected by ``EngineProfile/FaultOptions/rateLimitRate``.
    static func rateLimited(_ retryAfter: RetryAfter) -> APIError {
        APIError(
            kind: .rateLimited,
            message: "simulated rate limit reached (rate_limit_rate); please try again in \(retryAfter.seconds)s",
            retryAfter: retryAfter)
    }

    /// 503: a rejection injected by ``EngineProfile/FaultOptions/unavailableRate``.
    static let unavailable = APIError(
        kind: .unavailable,
        message: "simulated overload: the server is temporarily unavailable (unavailable_rate)")

    /// 500 inside a stream (or as the response when not streaming): a failure injected by
    /// ``EngineProfile/FaultOptions/streamErrorRate`` partway through generation.
    static let generationFailed = APIError(
        kind: .generationFailed, message: "simulated failure during generation (stream_error_rate)")
}

/// When a rate-limited client may retry.
struct RetryAfter: Sendable, Equatable {
    /// Whole seconds from now.
    var seconds: Int
    /// The `Retry-After` header value: the seconds, or an HTTP-date that many seconds ahead.
    var headerValue: String
}
