/// An error answered in OpenAI's shape:
/// `{"error":{"message":…,"type":…,"param":…,"code":<HTTP status>}}`.
///
/// `code` carries the HTTP status as a number, as vLLM does.
struct APIError: Error, Sendable, Equatable {
    /// HTTP status code of the response (400, 404, 405, 413, 500).
    var status: Int
    /// A sentence a person can act on.
    var message: String
    /// OpenAI's error category, e.g. `invalid_request_error`, `server_error`.
    var type: String
    /// The request field at fault, when one is.
    var param: String?

    /// The response body as JSON text.
    var jsonBody: String {
        var out = JSONWriter()
        out.raw(#"{"error":{"message":"#)
        out.string(message)
        out.raw(#","type":"#)
        out.string(type)
        out.raw(#","param":"#)
        if let param { out.string(param) } else { out.raw("null") }
        out.raw(#","code":\#(status)}}"#)
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
