import RepatSupport

/// Writes one JSON object with its keys in the order they are added, so that the same inputs always
/// give byte-identical output. Strings are escaped by ``JSONString`` (RFC 8259); non-ASCII text is
/// written as UTF-8.
struct JSONObjectWriter {
    /// The object written so far (without its closing brace).
    private var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var isEmpty = true

    init() {}

    /// Adds a string member.
    mutating func add(_ key: String, _ value: String) {
        writeKey(key)
        JSONString.append(value, to: &bytes)
    }

    /// Adds an integer member.
    mutating func add(_ key: String, _ value: Int) {
        writeKey(key)
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Adds a number member. `value` must be finite (callers validate: JSON has no NaN or infinity).
    mutating func add(_ key: String, _ value: Double) {
        writeKey(key)
        // Swift's description is the shortest round-tripping form: `0.7`, `1.0`, `1e-05`, all valid JSON.
        bytes.append(contentsOf: value.description.utf8)
    }

    /// Adds a boolean member.
    mutating func add(_ key: String, _ value: Bool) {
        writeKey(key)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// Adds an object member.
    mutating func add(_ key: String, _ value: JSONObjectWriter) {
        writeKey(key)
        bytes.append(contentsOf: value.finished())
    }

    /// Adds an array-of-strings member.
    mutating func add(_ key: String, _ values: [String]) {
        writeKey(key)
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 {
                bytes.append(UInt8(ascii: ","))
            }
            JSONString.append(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Adds an array-of-objects member.
    mutating func add(_ key: String, _ values: [JSONObjectWriter]) {
        writeKey(key)
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 {
                bytes.append(UInt8(ascii: ","))
            }
            bytes.append(contentsOf: value.finished())
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Adds a member whose value is `json`, already JSON text (a schema, a call's arguments),
    /// written as it is.
    mutating func add(_ key: String, json: String) {
        writeKey(key)
        bytes.append(contentsOf: json.utf8)
    }

    /// The complete object.
    func finished() -> [UInt8] {
        bytes + [UInt8(ascii: "}")]
    }

    private mutating func writeKey(_ key: String) {
        if !isEmpty {
            bytes.append(UInt8(ascii: ","))
        }
        isEmpty = false
        JSONString.append(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }
}
