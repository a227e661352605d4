import Foundation

/// What a correct answer to a dataset prompt looks like: the `expected` object of a JSONL entry.
///
/// One kind per entry, written as a one-key object (plus `tolerance` for numbers):
/// `{"exact": "Paris"}`, `{"contains": "Paris"}`, `{"regex": "^\\d{4}$"}`,
/// `{"one_of": ["positive", "negative"]}`, `{"number": 42, "tolerance": 0.5}`,
/// `{"json_schema": {"type": "object", "required": ["name"], …}}`. How each kind is judged is
/// ``check(_:)`` (in `ExpectedAnswer+Check.swift`); scenarios/README.md documents both.
public enum ExpectedAnswer: Sendable, Hashable {
    /// The normalised answer equals the normalised text (see ``AnswerText/normalised(_:)``).
    case exact(String)
    /// The normalised answer contains the normalised text.
    case contains(String)
    /// The pattern (NSRegularExpression syntax) matches somewhere in the answer, as written.
    case regex(String)
    /// The normalised answer equals one of the normalised texts.
    case oneOf([String])
    /// The first number in the answer is within `tolerance` (absolute, ≥ 0) of `value`.
    case number(value: Double, tolerance: Double)
    /// The answer holds one JSON value (fences and surrounding prose allowed) that the schema
    /// accepts; see ``JSONSchemaCheck`` for the keywords understood.
    case jsonSchema(JSONSchemaCheck)

    /// The kind names, as the `expected` object spells them.
    public static let kinds = ["exact", "contains", "regex", "one_of", "number", "json_schema"]

    /// Why an `expected` object is not an expected answer: one sentence naming the fault.
    public struct Problem: Error, Sendable, Equatable {
        /// The dotted field within the entry, e.g. `expected.regex`.
        public var field: String
        /// What is wrong.
        public var message: String
    }

    /// Reads the `expected` value of a JSONL entry (as `JSONSerialization` returns it).
    /// - Throws: ``Problem`` for a value that is not a one-kind object, an unknown kind, a value of
    ///   the wrong type, a regular expression that does not compile, a negative tolerance, or a
    ///   schema with an unknown type.
    public static func parse(_ value: Any) throws(Problem) -> ExpectedAnswer {
        guard let object = value as? [String: Any] else {
            throw Problem(field: "expected", message: "must be an object with one of: \(kinds.joined(separator: ", "))")
        }
        let named = object.keys.filter { kinds.contains($0) }.sorted()
        let unknown = object.keys.filter { !kinds.contains($0) && $0 != "tolerance" }.sorted()
        if let first = unknown.first {
            throw Problem(field: "expected.\(first)", message: "unknown kind '\(first)'; expected one of: \(kinds.joined(separator: ", "))")
        }
        guard named.count == 1, let kind = named.first, let body = object[kind] else {
            throw Problem(field: "expected", message: "must name exactly one of: \(kinds.joined(separator: ", "))")
        }
        let field = "expected.\(kind)"
        if object["tolerance"] != nil && kind != "number" {
            throw Problem(field: "expected.tolerance", message: "applies to 'number' only")
        }
        switch kind {
        case "exact", "contains", "regex":
            guard let text = body as? String, !text.isEmpty else {
                throw Problem(field: field, message: "must be a non-empty string")
            }
            if kind == "exact" { return .exact(text) }
            if kind == "contains" { return .contains(text) }
            do {
                _ = try NSRegularExpression(pattern: text)
            } catch {
                throw Problem(field: field, message: "regular expression '\(text)' does not compile")
            }
            return .regex(text)
        case "one_of":
            guard let texts = body as? [String], !texts.isEmpty, !texts.contains(where: \.isEmpty) else {
                throw Problem(field: field, message: "must be a non-empty list of non-empty strings")
            }
            return .oneOf(texts)
        case "number":
            guard let value = number(body) else { throw Problem(field: field, message: "must be a number") }
            let tolerance: Double
            if let given = object["tolerance"] {
                guard let number = number(given), number >= 0 else {
                    throw Problem(field: "expected.tolerance", message: "must be a number ≥ 0")
                }
                tolerance = number
            } else {
                tolerance = 0
            }
            return .number(value: value, tolerance: tolerance)
        default:
            do {
                return .jsonSchema(try JSONSchemaCheck(body))
            } catch {
                throw Problem(field: field + (error.path.isEmpty ? "" : "." + error.path), message: error.message)
            }
        }
    }

    /// A JSON number as `JSONSerialization` returns it.
    private static func number(_ value: Any) -> Double? {
        (value as? NSNumber)?.doubleValue
    }
}
