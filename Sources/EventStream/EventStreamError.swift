/// Why an event-stream body could not be decoded. The description is one short, stable line.
public struct EventStreamError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Reason: Equatable {
        case preludeChecksum
        case messageChecksum
        case invalidLengths(total: UInt32, headers: UInt32)
        case messageTooLarge(total: UInt32, limit: Int)
        case malformedHeaders(String)
    }

    private let reason: Reason

    private init(_ reason: Reason) {
        self.reason = reason
    }

    /// The prelude's CRC-32 does not match its two length fields.
    public static let preludeChecksumMismatch = EventStreamError(.preludeChecksum)

    /// The message's trailing CRC-32 does not match the bytes before it.
    public static let messageChecksumMismatch = EventStreamError(.messageChecksum)

    /// The prelude's lengths cannot describe a message: a total under 16 bytes, or headers that do
    /// not fit in it.
    public static func invalidLengths(total: UInt32, headers: UInt32) -> EventStreamError {
        EventStreamError(.invalidLengths(total: total, headers: headers))
    }

    /// The prelude announces a message longer than the decoder's limit (bytes).
    public static func messageTooLarge(total: UInt32, limit: Int) -> EventStreamError {
        EventStreamError(.messageTooLarge(total: total, limit: limit))
    }

    /// The headers section cannot be parsed; `detail` says where.
    public static func malformedHeaders(_ detail: String) -> EventStreamError {
        EventStreamError(.malformedHeaders(detail))
    }

    /// The length a too-long message's prelude announced (bytes), for ``messageTooLarge(total:limit:)``.
    public var refusedMessageLength: UInt32? {
        if case .messageTooLarge(let total, _) = reason { return total }
        return nil
    }

    /// One line saying what is wrong.
    public var description: String {
        switch reason {
        case .preludeChecksum:
            "event-stream prelude CRC mismatch"
        case .messageChecksum:
            "event-stream message CRC mismatch"
        case .invalidLengths(let total, let headers):
            "event-stream prelude has impossible lengths (total \(total), headers \(headers))"
        case .messageTooLarge(let total, let limit):
            "event-stream message of \(total) bytes exceeds the \(limit)-byte limit"
        case .malformedHeaders(let detail):
            "malformed event-stream headers: \(detail)"
        }
    }
}
