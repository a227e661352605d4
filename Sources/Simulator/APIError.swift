/// An error answered in OpenAI's shape:
/// `{"error":{"message":…,"type":…,"param":…,"code":<HTTP status>}}`.
///
/// `code` carries the HTTP status as a number, as vLLM does, unless ``textCode`` is set.
struct APIError: Error, Sendable, Equatable {
    /// HTTP status code of the response (400, 404, 405, 413, 429, 500, 503).
    var status: Int
    /// A sentence a person can act on.
    var message: String
    /// OpenAI's error category, e.g. `invalid_request_error`, `server_error`.
    var type: String
    /// The request field at fault, when one is.
    var param: String?
    /// When set, `code` is this string (OpenAI's style, e.g. `rate_limit_exceeded`) instead of
    /// the status number.
    var textCode: String? = nil

    /// The response body as JSON text.
    var jsonBody: String {
        var out = JSONWriter()
        out.raw(#"{"error":{"message":"#)
        out.string(message)
        out.raw(#","type":"#)
        out.string(type)
        out.raw(#","param":"#)
        if let param { out.string(param) } else { out.raw("null") }
        out.raw(#","code":"#)
        if let textCode { out.string(textCode) } else { out.raw(String(status)) }
        out.raw("}}")
        return out.text
    }

    /// 400: the request body is not what the endpoint accepts.
    static func invalidRequest(_ message: String, param: String? = nil) -> APIError {
        APIError(status: 400, message: message, type: "invalid_request_error", param: param)
    }

    /// 404: no such route.
    static func notFound(path: String) -> APIError {
        APIError(status: 404, message: "no route for '\(path)'", type: "not_found_error", param: nil)
    }

    /// 405: the route exists but not for this method.
    static func methodNotAllowed(method: String, path: String, allowed: String) -> APIError {
        APIError(
            status: 405, message: "method \(method) is not allowed on '\(path)'; use \(allowed)",
            type: "invalid_request_error", param: nil)
    }

    /// 413: the request body exceeds the limit.
    static func bodyTooLarge(limitBytes: Int) -> APIError {
        APIError(
            status: 413, message: "request body exceeds \(limitBytes) bytes",
            type: "invalid_request_error", param: nil)
    }

    /// 500: an error injected by ``EngineProfile/errorRate``.
    static let injected = APIError(
        status: 500, message: "simulated server error (error_rate)", type: "server_error", param: nil)
}

extension APIError {
    /// 429: a rejection injected by ``EngineProfile/FaultOptions/rateLimitRate``, in OpenAI's
    /// shape (`type` `requests`, `code` `rate_limit_exceeded`).
    static func rateLimited(retryAfterSeconds: Int) -> APIError {
        APIError(
            status: 429,
            message: "simulated rate limit reached (rate_limit_rate); please try again in \(retryAfterSeconds)s",
            type: "requests", param: nil, textCode: "rate_limit_exceeded")
    }

    /// 503: a rejection injected by ``EngineProfile/FaultOptions/unavailableRate``.
    static let unavailable = APIError(
        status: 503, message: "simulated overload: the server is temporarily unavailable (unavailable_rate)",
        type: "server_error", param: nil)

    /// 500 inside a stream (or as the response when not streaming): a failure injected by
    /// ``EngineProfile/FaultOptions/streamErrorRate`` partway through generation.
    static let generationFailed = APIError(
        status: 500, message: "simulated failure during generation (stream_error_rate)", type: "server_error",
        param: nil)
}
