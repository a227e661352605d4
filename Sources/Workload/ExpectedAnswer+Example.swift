import Foundation

extension ExpectedAnswer {
    /// An answer that ``check(_:)`` accepts, for a simulated server that answers correctly:
    /// the text of `exact` and `contains`, the first of `one_of`, the number itself, the smallest
    /// value a JSON schema accepts; nil for `regex`, whose matches repat does not invent.
    public var correctExample: String? {
        let example: String?
        switch self {
        case .exact(let text), .contains(let text):
            example = text
        case .oneOf(let texts):
            example = texts.first
        case .number(let value, _):
            example = value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .regex:
            example = nil
        case .jsonSchema(let schema):
            example = (try? JSONSerialization.data(withJSONObject: schema.example, options: [.fragmentsAllowed, .sortedKeys]))
                .flatMap { String(data: $0, encoding: .utf8) }
        }
        return example.flatMap { check($0) ? $0 : nil }
    }

    /// An answer that ``check(_:)`` rejects, for a simulated server that answers wrongly: the
    /// first of a few fixed answers that fails; nil when every one passes (a pattern matching
    /// anything).
    public var wrongExample: String? {
        ["I do not know", "-1", "{}", "none"].first { !check($0) }
    }
}

extension JSONSchemaCheck {
    /// The smallest value the schema accepts, as `JSONSerialization` writes it: the first `enum`
    /// value; for objects, the required members with their own examples; an empty array; `""`,
    /// `0`, `false` or null by type. The simulator answers structured-output requests and tool
    /// calls with it.
    public var example: Any {
        if let first = allowedValues.first { return first.value }
        switch requiredType {
        case "object":
            var object: [String: Any] = [:]
            for name in requiredMembers { object[name] = memberSchema(name)?.example ?? "" }
            return object
        case "array": return [Any]()
        case "number", "integer": return 0
        case "boolean": return false
        case "null": return NSNull()
        default: return ""
        }
    }
}
