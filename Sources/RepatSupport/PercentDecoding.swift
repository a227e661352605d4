/// Percent-decoding (RFC 3986) as URLs, query strings and SigV4 canonical forms use it.
public enum PercentDecoding {
    /// The bytes `text` stands for: each `%XY` (hex, either case) becomes one byte; anything else,
    /// a stray or malformed `%` included, is kept as its UTF-8. With `plusIsSpace` (query strings)
    /// a `+` becomes a space.
    public static func decode(_ text: Substring, plusIsSpace: Bool = false) -> [UInt8] {
        let bytes = Array(text.utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = Hex.value(ofDigit: bytes[index + 1]), let low = Hex.value(ofDigit: bytes[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return decoded
    }
}
