/// How a request ended: the `status` column. A closed set, so summaries can count every class.
public enum Outcome: String, Sendable, CaseIterable, Codable {
    /// Complete response: HTTP 2xx, the protocol's end marker seen, no error in the stream.
    case ok
    /// The stream ended (or broke) before the protocol's end marker.
    case incomplete
    /// HTTP 4xx other than 429.
    case http4xx = "http_4xx"
    /// HTTP 429, rate limited.
    case http429 = "http_429"
    /// HTTP 5xx.
    case http5xx = "http_5xx"
    /// An error object inside an HTTP 200 response.
    case streamError = "stream_error"
    /// Connect phase (DNS, TCP, TLS) ran past its timeout.
    case timeoutConnect = "timeout_connect"
    /// No token within the first-token timeout.
    case timeoutFirstToken = "timeout_first_token"
    /// No bytes for longer than the idle timeout.
    case timeoutIdle = "timeout_idle"
    /// Whole request ran past its timeout.
    case timeoutTotal = "timeout_total"
    /// Host did not resolve, or the connection was refused or unreachable.
    case connectError = "connect_error"
    /// TLS handshake or certificate verification failed.
    case tlsError = "tls_error"
    /// A 2xx response whose content could not be understood.
    case parseError = "parse_error"
    /// Cancelled by repat (second Ctrl-C, shutdown).
    case cancelled
    /// Any other transport failure.
    case transportError = "transport_error"
    /// The response broke a size limit: an event or line longer than the target's
    /// `max_event_bytes`, a non-streamed body longer than its `max_response_bytes`, or a header
    /// block longer than curl accepts. repat stopped reading it at once.
    case tooLarge = "too_large"
    /// The server sent more output tokens than the request's `max_tokens` allows, past the margin
    /// of ``OutputCap``: it ignores the length limit. A stream is stopped there.
    case overrun

    /// Whether the request counts as a success in summaries.
    public var isSuccess: Bool { self == .ok }
}
