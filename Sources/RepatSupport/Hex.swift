/// Hexadecimal digits: bytes written as hex (digests, signatures, JSON and percent escapes) and hex
/// digits read back (percent-decoding, JSON `\u` escapes).
///
/// The per-digit helpers are `@inlinable` so the JSON reader and writers, which call them per
/// byte, pay no cross-module call.
public enum Hex {
    /// The ASCII lowercase hex digit of `nibble` (0–15): `0`–`9`, `a`–`f`.
    @inlinable
    public static func lowercaseDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
    }

    /// The ASCII uppercase hex digit of `nibble` (0–15): `0`–`9`, `A`–`F`.
    @inlinable
    public static func uppercaseDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") - 10 + nibble
    }

    /// Appends `byte` as two lowercase hex digits.
    @inlinable
    public static func appendLowercase(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(lowercaseDigit(byte >> 4))
        output.append(lowercaseDigit(byte & 0x0F))
    }

    /// `bytes` as lowercase hex, two digits each (digests, signatures).
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            appendLowercase(byte, to: &digits)
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// The value (0–15) of the ASCII hex digit `byte`, either case; nil for any other byte.
    @inlinable
    public static func value(ofDigit byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The value of `digits` read as one hex number, most significant digit first; nil when any
    /// byte is not a hex digit. At most 8 digits (higher digits would be shifted out).
    @inlinable
    public static func value(of digits: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        for digit in digits {
            guard let nibble = Self.value(ofDigit: digit) else { return nil }
            value = value << 4 | UInt32(nibble)
        }
        return value
    }
}
