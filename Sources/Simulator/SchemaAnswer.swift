import Foundation
import RepatSupport
import Workload

/// The answer the simulator gives a structured-output request: a JSON instance of the requested
/// schema (``JSONSchemaCheck/example``), written with a space after each `:` and `,` so that it
/// streams as several tokens (see ``KnownAnswer/tokens(_:)``); or, for a seeded share of
/// requests (`schema_invalid_rate`), the same text with its last character cut, which no JSON
/// parser accepts.
enum SchemaAnswer {
    /// The answer text for `schema`: invalid when `draw` (uniform in 0…1) falls below
    /// `invalidRate`.
    static func text(for schema: JSONSchemaCheck, invalidRate: Double, draw: Double) -> String {
        var text = ""
        write(schema.example, into: &text)
        return draw < invalidRate ? String(text.dropLast()) : text
    }

    /// Writes a value as `JSONSerialization` returns it: objects with sorted keys.
    private static func write(_ value: Any, into text: inout String) {
        switch value {
        case let object as [String: Any]:
            text += "{"
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { text += ", " }
                JSONString.append(key, to: &text)
                text += ": "
                write(object[key] ?? NSNull(), into: &text)
            }
            text += "}"
        case let array as [Any]:
            text += "["
            for (index, element) in array.enumerated() {
                if index > 0 { text += ", " }
                write(element, into: &text)
            }
            text += "]"
        case let string as String:
            JSONString.append(string, to: &text)
        case let flag as Bool:
            text += flag ? "true" : "false"
        case let number as Int:
            text += String(number)
        case let number as Double:
            text += number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        default:
            text += "null"
        }
    }
}
