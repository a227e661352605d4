/// What the transport reports about one request, in order: at most one ``head``, any number of
/// ``body`` chunks, then exactly one ``finished``. A failed transfer instead ends the stream by
/// throwing a ``TransferFailure``.
public enum TransferEvent: Sendable {
    /// The response's status line and header fields have arrived (informational 1xx responses are
    /// skipped).
    case head(ResponseHead)
    /// Response body bytes, stamped when curl handed them over.
    case body(BodyChunk)
    /// The transfer completed at the HTTP level (any status code); timings are curl's own.
    case finished(TransferTimings)
}

/// The status and header fields of a response.
public struct ResponseHead: Sendable, Equatable {
    /// HTTP status code, e.g. 200.
    public var status: Int
    /// Header fields as received, names lower-cased.
    public var headers: [HTTPHeader]
    /// Monotonic nanoseconds at which the header block ended.
    public var receivedAt: UInt64

    /// Creates a response head.
    public init(status: Int, headers: [HTTPHeader], receivedAt: UInt64) {
        self.status = status
        self.headers = headers
        self.receivedAt = receivedAt
    }

    /// The first header field with this name (case-insensitive), if any.
    public func value(of name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name == lowered }?.value
    }
}

/// Bytes of a response body as one curl write callback delivered them.
public struct BodyChunk: Sendable {
    /// The bytes, copied out of curl's buffer.
    public var bytes: [UInt8]
    /// Monotonic nanoseconds at which the write callback started, before any copying.
    public var receivedAt: UInt64

    /// Creates a chunk.
    public init(bytes: [UInt8], receivedAt: UInt64) {
        self.bytes = bytes
        self.receivedAt = receivedAt
    }
}

/// curl's own per-transfer timings, in microseconds from the start of the transfer, as reported by
/// `CURLINFO_*_TIME_T`. Phases that did not happen (no DNS for an IP literal, no TLS for plain HTTP,
/// a reused connection) read 0.
public struct TransferTimings: Sendable, Equatable {
    /// Name resolution finished.
    public var dnsMicros: Int64 = 0
    /// TCP connection established.
    public var connectMicros: Int64 = 0
    /// TLS handshake finished (0 without TLS).
    public var tlsMicros: Int64 = 0
    /// Request about to be sent.
    public var pretransferMicros: Int64 = 0
    /// First response byte received (time to first byte).
    public var firstByteMicros: Int64 = 0
    /// Whole transfer.
    public var totalMicros: Int64 = 0
    /// Whether an existing connection was reused (no new connect).
    public var reusedConnection = false
    /// HTTP version used: `1.1`, `2`, or empty when unknown.
    public var httpVersion = ""
    /// When the transport handed the request to curl, monotonic ns (0: it never did). For a
    /// request with a send time this is the actual send time, the base of TTFT and send lag.
    public var startedAt: UInt64 = 0

    /// Creates empty timings.
    public init() {}
}
