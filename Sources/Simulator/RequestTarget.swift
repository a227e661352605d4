/// A request line's target split into its path segments and query parameters, percent-decoded.
struct RequestTarget: Sendable, Equatable {
    /// The path as sent, without the query.
    var path: String
    /// The path's segments after the leading `/`, percent-decoded (`/a/b%3A1` is `["a", "b:1"]`).
    var segments: [String]
    /// Query parameters by name, percent-decoded (`+` is a space); the first of a repeated name.
    var query: [String: String]

    /// Splits `uri` (origin form, `/path?query`).
    init(uri: String) {
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = String(parts.first ?? "")
        segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            Self.percentDecoded($0, plusIsSpace: false)
        }
        var query: [String: String] = [:]
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let nameValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = Self.percentDecoded(nameValue[0], plusIsSpace: true)
                if query[name] == nil {
                    query[name] = nameValue.count > 1 ? Self.percentDecoded(nameValue[1], plusIsSpace: true) : ""
                }
            }
        }
        self.query = query
    }

    /// `text` with `%XX` escapes decoded (a malformed escape is kept as is), and `+` as a space
    /// when `plusIsSpace`.
    static func percentDecoded(_ text: Substring, plusIsSpace: Bool) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
