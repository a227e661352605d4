/// One message of an `application/vnd.amazon.eventstream` body: typed headers and an opaque payload.
///
/// On the wire a message is a 12-byte prelude (total length and headers length, both big-endian
/// `UInt32`, then the CRC-32 of those 8 bytes), the encoded headers, the payload, and the CRC-32 of
/// everything before it: 16 bytes of framing in all.
public struct EventStreamMessage: Sendable, Equatable {
    /// The headers, in wire order (names may repeat).
    public var headers: [EventStreamHeader]
    /// The payload bytes (JSON for Bedrock events and exceptions).
    public var payload: [UInt8]

    /// Creates a message.
    public init(headers: [EventStreamHeader], payload: [UInt8]) {
        self.headers = headers
        self.payload = payload
    }

    /// The value of the first header named `name`, or `nil` when there is none.
    public func header(_ name: String) -> EventStreamHeaderValue? {
        headers.first { $0.name == name }?.value
    }

    /// One complete frame: prelude, prelude CRC, headers, payload and message CRC.
    ///
    /// - Precondition: every header name is 1 to 255 bytes of UTF-8; every `bytes` and `string`
    ///   value is at most 65,535 bytes; every `uuid` value is exactly 16 bytes; the frame fits in a
    ///   `UInt32` length.
    public func encoded() -> [UInt8] {
        var headerBytes: [UInt8] = []
        for header in headers {
            header.append(to: &headerBytes)
        }
        let total = EventStreamFraming.overhead + headerBytes.count + payload.count
        precondition(total <= Int(UInt32.max), "event-stream message longer than UInt32.max bytes")
        var frame: [UInt8] = []
        frame.reserveCapacity(total)
        frame.appendBigEndian(UInt32(total))
        frame.appendBigEndian(UInt32(headerBytes.count))
        frame.appendBigEndian(CRC32.checksum(frame))
        frame += headerBytes
        frame += payload
        frame.appendBigEndian(CRC32.checksum(frame))
        return frame
    }
}

/// Sizes fixed by the framing.
enum EventStreamFraming {
    /// Bytes of the prelude: total length, headers length, prelude CRC.
    static let preludeLength = 12
    /// Bytes of framing around headers and payload: the prelude and the trailing message CRC.
    static let overhead = 16
}
