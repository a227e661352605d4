import RepatSupport

/// A minimal pull reader over JSON bytes: the caller walks the members it wants and skips the rest
/// without building a tree. Used to read OpenAI stream chunks cheaply (Foundation's `JSONDecoder`
/// costs tens of microseconds per chunk on Linux).
///
/// The reader checks structure (brackets, commas, colons, string termination, literals, number
/// characters) and throws ``JSONReaderError`` on anything malformed. Object keys are compared as raw
/// bytes, escapes undecoded.
struct JSONReader {
    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")
    /// Deepest nesting skipped before giving up (protects the stack from hostile input).
    private static let maxDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    /// A reader at the start of `bytes`, which must stay valid while the reader is used.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The kinds of value the reader can see next.
    enum Kind {
        case object, array, string, number, literal, end
    }

    /// The kind of the next value, after skipping whitespace.
    mutating func peek() -> Kind {
        skipWhitespace()
        guard index < bytes.count else { return .end }
        switch bytes[index] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case Self.quote: return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: return .literal
        }
    }

    /// Throws unless only whitespace is left.
    mutating func expectEnd() throws(JSONReaderError) {
        guard peek() == .end else { throw JSONReaderError() }
    }

    /// Consumes `null` if it comes next and says whether it did.
    mutating func consumeNull() -> Bool {
        skipWhitespace()
        guard matches("null") else { return false }
        index += 4
        return true
    }

    /// Reads `true` or `false`.
    mutating func readBool() throws(JSONReaderError) -> Bool {
        skipWhitespace()
        if matches("true") {
            index += 4
            return true
        }
        guard matches("false") else { throw JSONReaderError() }
        index += 5
        return false
    }

    /// Consumes `{`.
    mutating func beginObject() throws(JSONReaderError) {
        try expect(UInt8(ascii: "{"))
    }

    /// Consumes `[`.
    mutating func beginArray() throws(JSONReaderError) {
        try expect(UInt8(ascii: "["))
    }

    /// Moves to the next member of the object begun with ``beginObject()`` and returns its raw key,
    /// positioned at its value; returns `nil` after consuming the closing `}`. `isFirst` starts
    /// `true` and is kept by the caller for this object.
    mutating func nextKey(_ isFirst: inout Bool) throws(JSONReaderError) -> UnsafeBufferPointer<UInt8>? {
        skipWhitespace()
        guard index < bytes.count else { throw JSONReaderError() }
        if bytes[index] == UInt8(ascii: "}") {
            index += 1
            return nil
        }
        if !isFirst {
            try expect(UInt8(ascii: ","))
            skipWhitespace()
        }
        isFirst = false
        let key = try rawString().bytes
        try expect(UInt8(ascii: ":"))
        return key
    }

    /// Moves to the next element of the array begun with ``beginArray()``; returns `false` after
    /// consuming the closing `]`. `isFirst` starts `true` and is kept by the caller for this array.
    mutating func nextElement(_ isFirst: inout Bool) throws(JSONReaderError) -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw JSONReaderError() }
        if bytes[index] == UInt8(ascii: "]") {
            index += 1
            return false
        }
        if !isFirst {
            try expect(UInt8(ascii: ","))
        }
        isFirst = false
        return true
    }

    /// Reads a string, escapes decoded (invalid UTF-8 becomes U+FFFD).
    mutating func readString() throws(JSONReaderError) -> String {
        skipWhitespace()
        let (raw, hasEscape) = try rawString()
        guard hasEscape else { return String(decoding: raw, as: UTF8.self) }
        return try Self.unescape(raw)
    }

    /// Reads a string and says only whether it is non-empty (no decoding, no allocation).
    mutating func readNonEmptyString() throws(JSONReaderError) -> Bool {
        skipWhitespace()
        return try !rawString().bytes.isEmpty
    }

    /// Reads a number.
    mutating func readDouble() throws(JSONReaderError) -> Double {
        let text = try rawNumber()
        guard let value = Double(String(decoding: text, as: UTF8.self)) else { throw JSONReaderError() }
        return value
    }

    /// Reads a number that must be integral (`12` or `12.0`).
    mutating func readInt() throws(JSONReaderError) -> Int {
        let value = try readDouble()
        guard value.rounded() == value, let integer = Int(exactly: value) else { throw JSONReaderError() }
        return integer
    }

    /// Skips the next value, whatever it is, checking its structure.
    mutating func skipValue() throws(JSONReaderError) {
        try skipValue(depth: 0)
    }

    private mutating func skipValue(depth: Int) throws(JSONReaderError) {
        guard depth < Self.maxDepth else { throw JSONReaderError() }
        switch peek() {
        case .object:
            try beginObject()
            var isFirst = true
            while try nextKey(&isFirst) != nil {
                try skipValue(depth: depth + 1)
            }
        case .array:
            try beginArray()
            var isFirst = true
            while try nextElement(&isFirst) {
                try skipValue(depth: depth + 1)
            }
        case .string:
            _ = try rawString()
        case .number:
            _ = try rawNumber()
        case .literal:
            for literal: StaticString in ["null", "true", "false"] where matches(literal) {
                index += literal.utf8CodeUnitCount
                return
            }
            throw JSONReaderError()
        case .end:
            throw JSONReaderError()
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8) throws(JSONReaderError) {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { throw JSONReaderError() }
        index += 1
    }

    private func matches(_ literal: StaticString) -> Bool {
        let end = index + literal.utf8CodeUnitCount
        guard end <= bytes.count else { return false }
        return UnsafeBufferPointer(rebasing: bytes[index..<end]).equals(literal)
    }

    /// The bytes between the quotes of the string at the cursor, escapes undecoded.
    private mutating func rawString() throws(JSONReaderError) -> (bytes: UnsafeBufferPointer<UInt8>, hasEscape: Bool) {
        guard index < bytes.count, bytes[index] == Self.quote else { throw JSONReaderError() }
        index += 1
        let start = index
        var hasEscape = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.quote {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return (raw, hasEscape)
            }
            if byte == Self.backslash {
                hasEscape = true
                guard index + 1 < bytes.count else { throw JSONReaderError() }
                switch bytes[index + 1] {
                case Self.quote, Self.backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                case UInt8(ascii: "u"):
                    guard index + 6 <= bytes.count,
                          Hex.value(of: UnsafeBufferPointer(rebasing: bytes[index + 2..<index + 6])) != nil
                    else { throw JSONReaderError() }
                    index += 6
                default:
                    throw JSONReaderError()
                }
            } else if byte < 0x20 {
                throw JSONReaderError()
            } else {
                index += 1
            }
        }
        throw JSONReaderError()
    }

    private mutating func rawNumber() throws(JSONReaderError) -> UnsafeBufferPointer<UInt8> {
        skipWhitespace()
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                 UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                index += 1
            default:
                guard index > start else { throw JSONReaderError() }
                return UnsafeBufferPointer(rebasing: bytes[start..<index])
            }
        }
        guard index > start else { throw JSONReaderError() }
        return UnsafeBufferPointer(rebasing: bytes[start..<index])
    }

    /// Decodes the escapes of a raw string body.
    private static func unescape(_ raw: UnsafeBufferPointer<UInt8>) throws(JSONReaderError) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var index = 0
        var pendingHighSurrogate: UInt32?
        while index < raw.count {
            let byte = raw[index]
            guard byte == backslash else {
                if pendingHighSurrogate != nil {
                    appendScalar(0xFFFD, to: &output)
                    pendingHighSurrogate = nil
                }
                output.append(byte)
                index += 1
                continue
            }
            guard index + 1 < raw.count else { throw JSONReaderError() }
            let escaped = raw[index + 1]
            index += 2
            if escaped == UInt8(ascii: "u") {
                guard index + 4 <= raw.count, let unit = Hex.value(of: UnsafeBufferPointer(rebasing: raw[index..<index + 4])) else {
                    throw JSONReaderError()
                }
                index += 4
                if let high = pendingHighSurrogate {
                    pendingHighSurrogate = nil
                    if (0xDC00...0xDFFF).contains(unit) {
                        appendScalar(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00), to: &output)
                        continue
                    }
                    appendScalar(0xFFFD, to: &output)
                }
                if (0xD800...0xDBFF).contains(unit) {
                    pendingHighSurrogate = unit
                } else {
                    appendScalar(unit, to: &output)
                }
                continue
            }
            if pendingHighSurrogate != nil {
                appendScalar(0xFFFD, to: &output)
                pendingHighSurrogate = nil
            }
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escaped)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            default: throw JSONReaderError()
            }
        }
        if pendingHighSurrogate != nil {
            appendScalar(0xFFFD, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func appendScalar(_ value: UInt32, to output: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        output.append(contentsOf: String(Character(scalar)).utf8)
    }
}

/// Malformed JSON, or JSON of an unexpected shape.
struct JSONReaderError: Error {}
