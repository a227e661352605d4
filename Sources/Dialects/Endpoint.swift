import CurlTransport

/// Where and as whom requests are sent: one inference server (or API) and one model on it.
public struct Endpoint: Sendable, Equatable {
    /// API root the dialect appends its path to, e.g. `http://127.0.0.1:8000/v1`. A trailing `/` is
    /// tolerated.
    public var baseURL: String
    /// Model name sent in each request body (`model`).
    public var model: String
    /// API key, sent as the dialect's ``Dialect/defaultKeyStyle`` unless ``keyStyle`` overrides it.
    /// A secret: never log it.
    public var apiKey: String?
    /// How ``apiKey`` goes on the wire; `nil` means the dialect's default.
    public var keyStyle: APIKeyStyle?
    /// Extra header fields, sent after the dialect's own, in this order.
    public var extraHeaders: [HTTPHeader]
    /// API version the dialect sends where its API takes one: Azure OpenAI's `api-version` query
    /// parameter, Anthropic's `anthropic-version` header. `nil` means the dialect's default.
    public var apiVersion: String?
    /// AWS credentials and region, for dialects that sign requests with SigV4 (Bedrock). Secret.
    public var aws: AWSCredentials?

    /// Creates an endpoint.
    public init(
        baseURL: String, model: String, apiKey: String? = nil, keyStyle: APIKeyStyle? = nil,
        extraHeaders: [HTTPHeader] = [], apiVersion: String? = nil, aws: AWSCredentials? = nil
    ) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.keyStyle = keyStyle
        self.extraHeaders = extraHeaders
        self.apiVersion = apiVersion
        self.aws = aws
    }

    /// The header carrying ``apiKey`` (none without a key), styled by ``keyStyle`` or else `default`.
    public func keyHeader(default style: APIKeyStyle) -> HTTPHeader? {
        guard let apiKey else { return nil }
        switch keyStyle ?? style {
        case .bearer: return HTTPHeader("Authorization", "Bearer \(apiKey)")
        case .header(let name): return HTTPHeader(name, apiKey)
        }
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
