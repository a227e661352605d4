import CurlTransport

/// Where and as whom requests are sent: one inference server (or API) and one model on it.
public struct Endpoint: Sendable, Equatable {
    /// API root the dialect appends its path to, e.g. `http://127.0.0.1:8000/v1`. A trailing `/` is
    /// tolerated.
    public var baseURL: String
    /// Model name sent in each request body (`model`).
    public var model: String
    /// Bearer token sent as `Authorization: Bearer …` when non-nil. A secret: never log it.
    public var apiKey: String?
    /// Extra header fields, sent after the dialect's own, in this order.
    public var extraHeaders: [HTTPHeader]

    /// Creates an endpoint.
    public init(baseURL: String, model: String, apiKey: String? = nil, extraHeaders: [HTTPHeader] = []) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.extraHeaders = extraHeaders
    }

    /// ``baseURL`` without trailing slashes, followed by `path` (which starts with `/`).
    ///
    /// - Throws: ``DialectError/invalidBaseURL(_:)`` unless the base URL is `http://` or `https://`
    ///   followed by a host, with no whitespace.
    public func url(appending path: String) throws(DialectError) -> String {
        var base = Substring(baseURL)
        while base.hasSuffix("/") {
            base = base.dropLast()
        }
        let lower = base.lowercased()
        let schemeLength: Int
        if lower.hasPrefix("http://") {
            schemeLength = 7
        } else if lower.hasPrefix("https://") {
            schemeLength = 8
        } else {
            throw .invalidBaseURL(baseURL)
        }
        let rest = base.dropFirst(schemeLength)
        guard let hostStart = rest.first, hostStart != "/", hostStart != "?", hostStart != "#",
              !base.contains(where: { $0.isWhitespace })
        else {
            throw .invalidBaseURL(baseURL)
        }
        return String(base) + path
    }
}
