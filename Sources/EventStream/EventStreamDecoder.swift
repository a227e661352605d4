/// Splits an `application/vnd.amazon.eventstream` body into messages as its bytes arrive, checking
/// both CRCs of every message.
///
/// Bytes may arrive cut anywhere; a message is returned once its last byte is fed. A body that ends
/// with ``hasPartialMessage`` true was truncated. After the first error the decoder is failed: every
/// later ``feed(_:)`` throws that error again.
public struct EventStreamDecoder: Sendable {
    /// The largest total message length accepted (bytes).
    private let maxMessageBytes: Int
    /// Bytes of the message being assembled, from its first byte on.
    private var buffer: [UInt8] = []
    /// The error that failed the decoder, if any.
    private var failure: EventStreamError?

    /// A decoder that rejects messages longer than `maxMessageBytes` (16 MiB by default, the limit
    /// AWS's own event-stream decoders apply).
    public init(maxMessageBytes: Int = 16 << 20) {
        self.maxMessageBytes = maxMessageBytes
    }

    /// Whether bytes of an incomplete message are waiting for more.
    public var hasPartialMessage: Bool { !buffer.isEmpty }

    /// The length of the incomplete message: the total its prelude announces once the prelude is
    /// in (and checked), the bytes buffered before that; 0 between messages.
    public var pendingMessageLength: Int {
        guard buffer.count >= EventStreamFraming.preludeLength else { return buffer.count }
        let total: UInt32 = buffer[0..<4].bigEndianInteger()
        return Int(total)
    }

    /// Feeds bytes; returns the messages they complete, in order.
    ///
    /// - Throws: ``EventStreamError`` on a bad prelude CRC or message CRC, impossible lengths, a
    ///   message over the limit or malformed headers; the decoder is failed from then on.
    public mutating func feed(_ bytes: [UInt8]) throws(EventStreamError) -> [EventStreamMessage] {
        if let failure { throw failure }
        buffer += bytes
        return try takeMessages()
    }

    /// Feeds bytes valid only during the call (copied into the buffer of the message being
    /// assembled); returns the messages they complete, in order.
    ///
    /// - Throws: as the array overload does.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) throws(EventStreamError) -> [EventStreamMessage] {
        if let failure { throw failure }
        buffer.append(contentsOf: bytes)
        return try takeMessages()
    }

    /// The complete messages at the start of the buffer, removed from it.
    private mutating func takeMessages() throws(EventStreamError) -> [EventStreamMessage] {
        var messages: [EventStreamMessage] = []
        var start = 0
        do {
            while let length = try completeMessageLength(at: start) {
                messages.append(try Self.message(in: buffer[start..<(start + length)]))
                start += length
            }
        } catch {
            failure = error
            buffer = []
            throw error
        }
        buffer.removeFirst(start)
        return messages
    }

    /// The length of the message starting at `start` when all of it is buffered; `nil` while its
    /// prelude or body is still incomplete.
    ///
    /// - Throws: when the prelude is corrupt, impossible or over the limit, as soon as it is complete.
    private func completeMessageLength(at start: Int) throws(EventStreamError) -> Int? {
        guard buffer.count - start >= EventStreamFraming.preludeLength else { return nil }
        let total: UInt32 = buffer[start..<(start + 4)].bigEndianInteger()
        let headers: UInt32 = buffer[(start + 4)..<(start + 8)].bigEndianInteger()
        let preludeCRC: UInt32 = buffer[(start + 8)..<(start + 12)].bigEndianInteger()
        guard CRC32.checksum(buffer[start..<(start + 8)]) == preludeCRC else { throw .preludeChecksumMismatch }
        guard total >= EventStreamFraming.overhead, UInt64(headers) <= UInt64(total) - UInt64(EventStreamFraming.overhead)
        else { throw .invalidLengths(total: total, headers: headers) }
        guard UInt64(total) <= UInt64(max(maxMessageBytes, 0)) else {
            throw .messageTooLarge(total: total, limit: maxMessageBytes)
        }
        return buffer.count - start >= Int(total) ? Int(total) : nil
    }

    /// Checks the message CRC of one complete, prelude-checked frame and parses its headers.
    private static func message(in frame: ArraySlice<UInt8>) throws(EventStreamError) -> EventStreamMessage {
        let crcStart = frame.endIndex - 4
        let messageCRC: UInt32 = frame[crcStart...].bigEndianInteger()
        guard CRC32.checksum(frame[..<crcStart]) == messageCRC else { throw .messageChecksumMismatch }
        let headersStart = frame.startIndex + EventStreamFraming.preludeLength
        let headersLength = Int(frame[(frame.startIndex + 4)..<(frame.startIndex + 8)].bigEndianInteger(as: UInt32.self))
        let headersEnd = headersStart + headersLength
        let headers = try EventStreamHeader.parseAll(frame[headersStart..<headersEnd])
        return EventStreamMessage(headers: headers, payload: Array(frame[headersEnd..<crcStart]))
    }
}
