/// Appends JSON text by hand: the simulator's response chunks have a fixed shape, and building
/// them as strings keeps per-token cost low and the key order identical to vLLM's.
struct JSONWriter {
    /// The JSON text written so far.
    private(set) var text = ""

    /// Appends `fragment` verbatim; it must already be valid JSON syntax.
    mutating func raw(_ fragment: String) {
        text += fragment
    }

    /// Appends `value` as a quoted, escaped JSON string.
    mutating func string(_ value: String) {
        text += "\""
        var needsEscape = false
        for byte in value.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            needsEscape = true
            break
        }
        if !needsEscape {
            text += value
        } else {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case "\t": text += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default:
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}
