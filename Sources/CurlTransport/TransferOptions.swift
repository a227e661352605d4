/// How one request is sent: timeouts and protocol choices, per target.
public struct TransferOptions: Sendable, Equatable {
    /// Which HTTP version to ask for.
    public enum HTTPVersion: String, Sendable, CaseIterable {
        /// HTTP/2 over TLS when the server offers it (ALPN), HTTP/1.1 otherwise. curl's default.
        case automatic
        /// HTTP/1.1 only.
        case http1 = "1.1"
        /// HTTP/2, also over cleartext by prior knowledge (h2c).
        case http2 = "2"
    }

    /// Connect phase limit (DNS, TCP, TLS), in milliseconds.
    public var connectTimeoutMs: Int = 10_000
    /// Whole-transfer limit, in milliseconds; 0 means none.
    public var totalTimeoutMs: Int = 600_000
    /// Abort when no byte arrives for this many seconds; 0 means never.
    public var idleTimeoutSeconds: Int = 120
    /// Protocol version.
    public var httpVersion: HTTPVersion = .automatic
    /// PEM file of certificate authorities to trust instead of the system store.
    public var caBundlePath: String?
    /// PEM client certificate for mutual TLS.
    public var clientCertificatePath: String?
    /// PEM private key of the client certificate.
    public var clientKeyPath: String?
    /// Skip certificate and host-name verification. Only when a scenario says so explicitly.
    public var insecure = false

    /// Creates options with the defaults above.
    public init(connectTimeoutMs: Int = 10_000, totalTimeoutMs: Int = 600_000, idleTimeoutSeconds: Int = 120, httpVersion: HTTPVersion = .automatic) {
        self.connectTimeoutMs = connectTimeoutMs
        self.totalTimeoutMs = totalTimeoutMs
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.httpVersion = httpVersion
    }
}
