/// Escaping for text placed in HTML or SVG, as element content or inside a quoted attribute.
///
/// Every string that did not come from repat's own templates (target names, URLs, error messages,
/// level labels) goes through ``text(_:)`` before it is written into a report.
public enum SVGEscape {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, and control characters other
    /// than tab and newline dropped (XML forbids them).
    public static func text(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
