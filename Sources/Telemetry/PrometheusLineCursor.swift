/// A position within one line of a Prometheus page, with readers for the format's tokens.
/// Works on UTF-8 bytes: every delimiter of the format is ASCII, and label values and help text
/// are decoded whole once their escapes are resolved.
struct LineCursor {
    let bytes: [UInt8]
    var position: Int
    /// End of the line (exclusive), without its line feed or carriage return.
    var end: Int

    /// The byte at the cursor; nil at the end of the line.
    var current: UInt8? { position < end ? bytes[position] : nil }

    /// Whether the line is used up.
    var atEnd: Bool { position >= end }

    /// Whether the cursor is on a blank or tab.
    var atBlank: Bool { current == UInt8(ascii: " ") || current == UInt8(ascii: "\t") }

    /// Skips blanks and tabs.
    mutating func skipBlanks() {
        while atBlank { position += 1 }
    }

    /// The run of non-blank bytes at the cursor (possibly empty).
    mutating func token() -> String {
        let start = position
        while position < end && !atBlank { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// A metric name, `[a-zA-Z_:][a-zA-Z0-9_:]*`; nil (cursor unmoved) when none starts here.
    mutating func metricName() -> String? {
        name(allowingColon: true)
    }

    /// A label name, `[a-zA-Z_][a-zA-Z0-9_]*`; nil (cursor unmoved) when none starts here.
    mutating func labelName() -> String? {
        name(allowingColon: false)
    }

    private mutating func name(allowingColon: Bool) -> String? {
        let start = position
        while let byte = current, Self.isNameByte(byte, first: position == start, colon: allowingColon) { position += 1 }
        return position > start ? String(decoding: bytes[start..<position], as: UTF8.self) : nil
    }

    private static func isNameByte(_ byte: UInt8, first: Bool, colon: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): true
        case UInt8(ascii: "0")...UInt8(ascii: "9"): !first
        case UInt8(ascii: ":"): colon
        default: false
        }
    }

    /// The label set after an opening `{`, up to and including its `}`: `name="value"` pairs
    /// separated by commas (a trailing comma allowed), blanks allowed between tokens.
    mutating func labels() throws(PrometheusLineError) -> [PrometheusLabel] {
        var labels: [PrometheusLabel] = []
        while true {
            skipBlanks()
            if current == UInt8(ascii: "}") {
                position += 1
                return labels
            }
            guard let name = labelName() else { throw PrometheusLineError("expected a label name or '}'") }
            guard !labels.contains(where: { $0.name == name }) else { throw PrometheusLineError("label '\(name)' appears twice") }
            skipBlanks()
            guard current == UInt8(ascii: "=") else { throw PrometheusLineError("expected '=' after label '\(name)'") }
            position += 1
            skipBlanks()
            guard current == UInt8(ascii: "\"") else { throw PrometheusLineError("expected a quoted value for label '\(name)'") }
            position += 1
            labels.append(PrometheusLabel(name, try quotedValue(of: name)))
            skipBlanks()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): continue
            default: throw PrometheusLineError("expected ',' or '}' after label '\(name)'")
            }
        }
    }

    /// A label value after its opening quote, through the closing quote; `\\`, `\"` and `\n`
    /// are the only escapes.
    private mutating func quotedValue(of label: String) throws(PrometheusLineError) -> String {
        var value: [UInt8] = []
        while let byte = current {
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: value, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = current else { break }
                position += 1
                switch escaped {
                case UInt8(ascii: "\\"), UInt8(ascii: "\""): value.append(escaped)
                case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
                default: throw PrometheusLineError("invalid escape '\\\(Character(Unicode.Scalar(escaped)))' in label '\(label)'")
                }
            default:
                value.append(byte)
            }
        }
        throw PrometheusLineError("label '\(label)': value not closed by '\"'")
    }

    /// The rest of a `# HELP` line, with `\\` and `\n` unescaped.
    mutating func helpText() throws(PrometheusLineError) -> String {
        var text: [UInt8] = []
        while let byte = current {
            position += 1
            guard byte == UInt8(ascii: "\\") else {
                text.append(byte)
                continue
            }
            switch current {
            case UInt8(ascii: "\\"): text.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "n"): text.append(UInt8(ascii: "\n"))
            default: throw PrometheusLineError("invalid escape in help text (only \\\\ and \\n)")
            }
            position += 1
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// Why a line's tokens could not be read.
struct PrometheusLineError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
