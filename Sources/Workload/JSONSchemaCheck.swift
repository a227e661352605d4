import Foundation

/// The part of JSON Schema that an expected answer may use, parsed once at load and applied to
/// each answer: `type` (`object`, `array`, `string`, `number`, `integer`, `boolean`, `null`),
/// `properties`, `required`, `additionalProperties` (`false` only matters), `items` and `enum`
/// (of strings, numbers or booleans). Any other keyword is refused at load, so a schema never
/// passes answers because repat ignored part of it.
public struct JSONSchemaCheck: Sendable, Hashable {
    /// JSON types a schema may name.
    public static let types = ["object", "array", "string", "number", "integer", "boolean", "null"]
    /// The keywords understood.
    public static let keywords = ["type", "properties", "required", "additionalProperties", "items", "enum", "description", "title"]

    /// Why a schema cannot be used: where in it (dotted, from the schema's root) and what.
    public struct Fault: Error, Sendable, Equatable {
        /// Dotted path inside the schema, empty for its root.
        public var path: String
        /// What is wrong.
        public var message: String
    }

    /// Required JSON type, if any.
    private var type: String?
    /// Schemas of named object members.
    private var properties: [String: JSONSchemaCheck] = [:]
    /// Members an object must have.
    private var required: [String] = []
    /// Whether members outside ``properties`` are allowed.
    private var additionalProperties = true
    /// Schema of every array element: none or one.
    private var items: [JSONSchemaCheck] = []
    /// Allowed values, as their canonical text (``canonical(_:)``); nil for any.
    private var allowed: [String]?
    /// Allowed values as given, for ``example``; empty for any.
    private(set) var allowedValues: [EnumValue] = []

    /// The JSON type the schema requires, if any.
    var requiredType: String? { type }
    /// Members an object must have.
    var requiredMembers: [String] { required }
    /// The schema of member `name`, if the schema names one.
    func memberSchema(_ name: String) -> JSONSchemaCheck? { properties[name] }

    /// Parses a schema object (as `JSONSerialization` returns it).
    /// - Throws: ``Fault`` naming the first unusable part.
    public init(_ value: Any, path: String = "") throws(Fault) {
        func at(_ key: String) -> String { path.isEmpty ? key : path + "." + key }
        guard let object = value as? [String: Any] else { throw Fault(path: path, message: "a schema must be an object") }
        for key in object.keys.sorted() where !Self.keywords.contains(key) {
            throw Fault(path: at(key), message: "keyword '\(key)' is not supported; supported: \(Self.keywords.joined(separator: ", "))")
        }
        if let type = object["type"] {
            guard let name = type as? String, Self.types.contains(name) else {
                throw Fault(path: at("type"), message: "must be one of: \(Self.types.joined(separator: ", "))")
            }
            self.type = name
        }
        if let properties = object["properties"] {
            guard let members = properties as? [String: Any] else { throw Fault(path: at("properties"), message: "must be an object of schemas") }
            for (name, schema) in members {
                self.properties[name] = try JSONSchemaCheck(schema, path: at("properties.\(name)"))
            }
        }
        if let required = object["required"] {
            guard let names = required as? [String] else { throw Fault(path: at("required"), message: "must be a list of member names") }
            self.required = names
        }
        if let additional = object["additionalProperties"] {
            guard let flag = additional as? Bool else { throw Fault(path: at("additionalProperties"), message: "must be true or false") }
            additionalProperties = flag
        }
        if let items = object["items"] {
            self.items = [try JSONSchemaCheck(items, path: at("items"))]
        }
        if let values = object["enum"] {
            guard let list = values as? [Any], !list.isEmpty else { throw Fault(path: at("enum"), message: "must be a non-empty list") }
            let texts = list.compactMap(Self.canonical)
            guard texts.count == list.count else { throw Fault(path: at("enum"), message: "values must be strings, numbers or booleans") }
            allowed = texts
            allowedValues = list.compactMap(EnumValue.init)
        }
    }

    /// Whether `value` (as `JSONSerialization` returns it) satisfies the schema.
    public func accepts(_ value: Any) -> Bool {
        if let type, !Self.value(value, is: type) { return false }
        if let allowed {
            guard let text = Self.canonical(value), allowed.contains(text) else { return false }
        }
        if let object = value as? [String: Any] {
            for name in required where object[name] == nil { return false }
            for (name, member) in object {
                if let schema = properties[name] {
                    if !schema.accepts(member) { return false }
                } else if !additionalProperties {
                    return false
                }
            }
        }
        if let array = value as? [Any], let schema = items.first {
            return array.allSatisfy(schema.accepts)
        }
        return true
    }

    /// The JSON value an answer holds: the text itself, or the part from its first `{` or `[` to
    /// its last `}` or `]` (so a fenced block or a sentence around the value is allowed); nil when
    /// none parses.
    public static func jsonValue(in text: String) -> Any? {
        let options = JSONSerialization.ReadingOptions.fragmentsAllowed
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let value = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8), options: options) { return value }
        guard let start = trimmed.firstIndex(where: { $0 == "{" || $0 == "[" }),
              let end = trimmed.lastIndex(where: { $0 == "}" || $0 == "]" }), start < end
        else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(trimmed[start...end].utf8), options: options)
    }

    /// A scalar's canonical text for `enum` comparison (`s:text`, `n:42.0`, `b:true`); nil for
    /// anything else.
    static func canonical(_ value: Any) -> String? {
        if let text = value as? String { return "s:" + text }
        if let number = value as? NSNumber {
            // JSONSerialization gives booleans as NSNumber too; `true`/`false` only come from them.
            if isBoolean(number) { return "b:" + (number.boolValue ? "true" : "false") }
            return "n:" + String(number.doubleValue)
        }
        return nil
    }

    /// Whether a number is a JSON boolean.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        let code = String(cString: number.objCType)
        return code == "c" || code == "B"
    }

    /// Whether `value` is of the JSON `type`.
    private static func value(_ value: Any, is type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "null": return value is NSNull
        default:
            guard let number = value as? NSNumber, !(value is String) else { return false }
            switch type {
            case "boolean": return isBoolean(number)
            case "integer": return !isBoolean(number) && number.doubleValue.rounded() == number.doubleValue
            default: return !isBoolean(number)
            }
        }
    }
}

/// An `enum` scalar kept as given (string, number or boolean), so an example can write it back.
struct EnumValue: Sendable, Hashable {
    /// The value's canonical text (`s:`, `n:` or `b:` prefixed).
    let key: String
    /// The value as JSONSerialization writes it.
    var value: Any {
        let text = String(key.dropFirst(2))
        switch key.prefix(2) {
        case "s:": return text
        case "b:": return text == "true"
        default: return Double(text) ?? 0
        }
    }

    /// A scalar's copy; nil for anything but a string, number or boolean.
    init?(_ value: Any) {
        guard let key = JSONSchemaCheck.canonical(value) else { return nil }
        self.key = key
    }
}
