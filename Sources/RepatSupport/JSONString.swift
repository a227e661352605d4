/// JSON string literals (RFC 8259): the one escaper behind every JSON the project writes by hand
/// (request bodies, the simulator's responses).
///
/// `"` and `\` are escaped, as are the control characters below U+0020: `\n`, `\r`, `\t`, `\b`
/// and `\f` by their short forms, the others as `\u00XX` with lowercase digits (the forms Python's
/// `json.dumps` writes, as vLLM does). Everything else, non-ASCII text included, is written as
/// UTF-8. Escaping works on UTF-8 bytes: every byte of a multi-byte sequence is 0x80 or above, so
/// none of them is ever escaped.
public enum JSONString {
    /// Appends `value` to `bytes` as a quoted, escaped JSON string.
    @inlinable
    public static func append(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        if needsEscaping(value) {
            for byte in value.utf8 {
                appendEscaped(byte, to: &bytes)
            }
        } else {
            bytes.append(contentsOf: value.utf8)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `value` to `text` as a quoted, escaped JSON string. Text with nothing to escape
    /// (the common case: a token, a model name) is appended as is, without a byte-by-byte copy.
    @inlinable
    public static func append(_ value: String, to text: inout String) {
        text += "\""
        if needsEscaping(value) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(value.utf8.count + 8)
            for byte in value.utf8 {
                appendEscaped(byte, to: &bytes)
            }
            text += String(decoding: bytes, as: UTF8.self)
        } else {
            text += value
        }
        text += "\""
    }

    /// Whether `value` holds a quote, a backslash or a control character.
    @inlinable
    public static func needsEscaping(_ value: String) -> Bool {
        value.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }

    /// Appends one byte of a string's UTF-8, escaped when JSON requires it.
    @inlinable
    static func appendEscaped(_ byte: UInt8, to bytes: inout [UInt8]) {
        let shortForm: UInt8? = switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): byte
        case UInt8(ascii: "\n"): UInt8(ascii: "n")
        case UInt8(ascii: "\r"): UInt8(ascii: "r")
        case UInt8(ascii: "\t"): UInt8(ascii: "t")
        case 0x08: UInt8(ascii: "b")
        case 0x0C: UInt8(ascii: "f")
        default: nil
        }
        if let shortForm {
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(shortForm)
        } else if byte < 0x20 {
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "u"))
            bytes.append(UInt8(ascii: "0"))
            bytes.append(UInt8(ascii: "0"))
            Hex.appendLowercase(byte, to: &bytes)
        } else {
            bytes.append(byte)
        }
    }
}
