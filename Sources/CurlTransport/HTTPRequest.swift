/// One HTTP request as the transport sends it: everything a dialect decides, nothing about how it is sent.
public struct HTTPRequest: Sendable, Equatable {
    /// HTTP method, upper case (`GET`, `POST`).
    public var method: String
    /// Absolute URL (`http://…` or `https://…`).
    public var url: String
    /// Header fields in the order they are sent. Values may carry secrets: never log them.
    public var headers: [HTTPHeader]
    /// Request body, sent as-is; `nil` for none.
    public var body: [UInt8]?

    /// Creates a request.
    public init(method: String = "POST", url: String, headers: [HTTPHeader] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// One header field.
public struct HTTPHeader: Sendable, Equatable {
    /// Field name as sent (case is kept; HTTP compares it case-insensitively).
    public var name: String
    /// Field value. May be a secret (`Authorization`, `x-api-key`).
    public var value: String

    /// Creates a header field.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
