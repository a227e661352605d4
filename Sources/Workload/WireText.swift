/// Rules for scenario text that ends up on the wire (header names and values, model names, base
/// URLs): no control characters, which could end a header line early and smuggle in another, and
/// header names made of HTTP token characters only (RFC 9110 §5.6.2).
public enum WireText {
    /// The first control character in `text` (U+0000–U+001F or DEL, U+007F), named for a person
    /// (`CR, 0x0D`); nil when there is none. With `allowingTab`, a horizontal tab is allowed, as
    /// it is inside an HTTP field value (RFC 9110 §5.5).
    public static func controlCharacter(in text: String, allowingTab: Bool = false) -> String? {
        for scalar in text.unicodeScalars where scalar.value < 0x20 || scalar.value == 0x7F {
            if allowingTab && scalar == "\t" { continue }
            return name(of: scalar)
        }
        return nil
    }

    /// Whether `name` is a non-empty HTTP token: letters, digits and ``tokenPunctuation`` only.
    public static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || tokenPunctuation.unicodeScalars.contains(scalar))
        }
    }

    /// The punctuation an HTTP token may hold besides letters and digits (RFC 9110 `tchar`).
    public static let tokenPunctuation = "!#$%&'*+-.^_`|~"

    /// `text` with every control character written as an escape (`\r`, `\n`, `\t`, `\0`,
    /// `\u{1B}`), so it can be quoted in a one-line message.
    public static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r": result += "\\r"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func name(of scalar: Unicode.Scalar) -> String {
        let names: [UInt32: String] = [0x00: "NUL", 0x09: "TAB", 0x0A: "LF", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL"]
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "0x" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex
        return names[scalar.value].map { "\($0), \(code)" } ?? code
    }
}
