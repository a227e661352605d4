/// Why a transfer did not complete at the HTTP level, with the timings it had reached.
///
/// The description is short and stable enough for the `error` column of a results file. It never
/// contains header values, so it cannot leak credentials.
public struct TransferFailure: Error, Sendable, CustomStringConvertible {
    /// The failure's class.
    public enum Kind: Sendable, Hashable {
        /// The host name did not resolve.
        case resolve
        /// The TCP connection could not be made (refused, unreachable).
        case connect
        /// The connect phase ran past its timeout.
        case connectTimeout
        /// The transfer ran past its total timeout.
        case totalTimeout
        /// No bytes arrived for longer than the idle timeout.
        case idleTimeout
        /// TLS handshake or certificate verification failed.
        case tls
        /// The connection broke while sending or receiving.
        case network
        /// The response's header block broke curl's limits (100 KiB a line, 300 KiB in all); curl
        /// stopped reading it, holding no more than that.
        case headerTooLarge
        /// The consumer aborted the transfer through ``TransferControl/abort(_:message:)``, for
        /// the reason it gave there.
        case aborted(AbortReason)
        /// The consuming task was cancelled (or dropped its stream), or the transport shut down.
        case cancelled
        /// Anything else curl reported.
        case other

        /// The kind's name as the description shows it: the case's name, or an abort's reason.
        public var name: String {
            switch self {
            case .resolve: "resolve"
            case .connect: "connect"
            case .connectTimeout: "connectTimeout"
            case .totalTimeout: "totalTimeout"
            case .idleTimeout: "idleTimeout"
            case .tls: "tls"
            case .network: "network"
            case .headerTooLarge: "headerTooLarge"
            case .aborted(let reason): reason.name
            case .cancelled: "cancelled"
            case .other: "other"
            }
        }
    }

    /// The failure's class.
    public var kind: Kind
    /// curl's result code (`CURLcode`), 0 for cancellation.
    public var curlCode: Int
    /// curl's error text, one line.
    public var message: String
    /// HTTP status if a response head had arrived, else 0.
    public var httpStatus: Int
    /// Timings reached before the failure.
    public var timings: TransferTimings

    /// Creates a failure.
    public init(kind: Kind, curlCode: Int, message: String, httpStatus: Int = 0, timings: TransferTimings = TransferTimings()) {
        self.kind = kind
        self.curlCode = curlCode
        self.message = message
        self.httpStatus = httpStatus
        self.timings = timings
    }

    /// `kind: message`, the kind by its ``Kind/name``.
    public var description: String { "\(kind.name): \(message)" }
}
