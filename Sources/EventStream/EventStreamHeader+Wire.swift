/// The wire encoding of headers: name length (1 byte), name, value type (1 byte), value.
extension EventStreamHeader {
    /// Appends this header's wire bytes to `bytes`.
    ///
    /// - Precondition: see ``EventStreamMessage/encoded()``.
    func append(to bytes: inout [UInt8]) {
        let nameBytes = Array(name.utf8)
        precondition((1...255).contains(nameBytes.count), "event-stream header name must be 1 to 255 bytes")
        bytes.append(UInt8(nameBytes.count))
        bytes += nameBytes
        bytes.append(value.typeCode.rawValue)
        switch value {
        case .bool:
            break
        case .byte(let value):
            bytes.append(UInt8(bitPattern: value))
        case .short(let value):
            bytes.appendBigEndian(UInt16(bitPattern: value))
        case .int(let value):
            bytes.appendBigEndian(UInt32(bitPattern: value))
        case .long(let value), .timestamp(let value):
            bytes.appendBigEndian(UInt64(bitPattern: value))
        case .bytes(let value):
            appendSized(value, to: &bytes)
        case .string(let value):
            appendSized(Array(value.utf8), to: &bytes)
        case .uuid(let value):
            precondition(value.count == 16, "event-stream uuid header value must be 16 bytes")
            bytes += value
        }
    }

    private func appendSized(_ value: [UInt8], to bytes: inout [UInt8]) {
        precondition(value.count <= Int(UInt16.max), "event-stream header value longer than 65,535 bytes")
        bytes.appendBigEndian(UInt16(value.count))
        bytes += value
    }

    /// Parses all headers of one message from `bytes` (exactly the headers section).
    ///
    /// - Throws: ``EventStreamError/malformedHeaders(_:)`` when a header is cut short, has an empty
    ///   name, an unknown value type, or a name or string that is not UTF-8.
    static func parseAll(_ bytes: ArraySlice<UInt8>) throws(EventStreamError) -> [EventStreamHeader] {
        var reader = ByteReader(bytes)
        var headers: [EventStreamHeader] = []
        while !reader.isAtEnd {
            guard let nameLength = reader.readByte() else { throw .malformedHeaders("truncated header") }
            guard nameLength > 0 else { throw .malformedHeaders("empty header name") }
            guard let nameBytes = reader.read(Int(nameLength)) else { throw .malformedHeaders("truncated header name") }
            guard let name = String(exactUTF8: nameBytes) else {
                throw .malformedHeaders("header name is not UTF-8")
            }
            guard let code = reader.readByte() else { throw .malformedHeaders("truncated header '\(name)'") }
            guard let type = HeaderTypeCode(rawValue: code) else {
                throw .malformedHeaders("unknown value type \(code) in header '\(name)'")
            }
            guard let value = parseValue(type, from: &reader) else {
                throw .malformedHeaders("truncated or invalid value of header '\(name)'")
            }
            headers.append(EventStreamHeader(name, value))
        }
        return headers
    }

    private static func parseValue(_ type: HeaderTypeCode, from reader: inout ByteReader) -> EventStreamHeaderValue? {
        switch type {
        case .boolTrue: return .bool(true)
        case .boolFalse: return .bool(false)
        case .byte: return reader.readByte().map { .byte(Int8(bitPattern: $0)) }
        case .short: return reader.readBigEndian(UInt16.self).map { .short(Int16(bitPattern: $0)) }
        case .int: return reader.readBigEndian(UInt32.self).map { .int(Int32(bitPattern: $0)) }
        case .long: return reader.readBigEndian(UInt64.self).map { .long(Int64(bitPattern: $0)) }
        case .timestamp: return reader.readBigEndian(UInt64.self).map { .timestamp(Int64(bitPattern: $0)) }
        case .uuid: return reader.read(16).map { .uuid(Array($0)) }
        case .bytes: return reader.readSized().map { .bytes(Array($0)) }
        case .string:
            guard let raw = reader.readSized() else { return nil }
            return String(exactUTF8: raw).map { .string($0) }
        }
    }
}

/// The value type byte of a header.
enum HeaderTypeCode: UInt8 {
    case boolTrue = 0, boolFalse, byte, short, int, long, bytes, string, timestamp, uuid
}

extension EventStreamHeaderValue {
    /// The wire type of this value.
    var typeCode: HeaderTypeCode {
        switch self {
        case .bool(let value): value ? .boolTrue : .boolFalse
        case .byte: .byte
        case .short: .short
        case .int: .int
        case .long: .long
        case .bytes: .bytes
        case .string: .string
        case .timestamp: .timestamp
        case .uuid: .uuid
        }
    }
}

extension String {
    /// `bytes` as text, or `nil` when they are not valid UTF-8 (decoding would have replaced some).
    init?(exactUTF8 bytes: ArraySlice<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.utf8.elementsEqual(bytes) else { return nil }
        self = text
    }
}
