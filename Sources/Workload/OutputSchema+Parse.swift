import Foundation

/// Why an `output_schema` value cannot be used: the faulty field (dotted, from `output_schema`,
/// such as `output_schema.schema.properties.age.type`) and what is wrong.
public struct OutputSchemaProblem: Error, Sendable, Equatable {
    /// The field.
    public var field: String
    /// One sentence.
    public var message: String
}

extension OutputSchema {
    /// The name used when `output_schema` gives none.
    public static let defaultName = "answer"

    /// Reads an `output_schema` value (as `JSONSerialization` or the YAML reader returns it):
    /// `{name, schema}`, `name` being 1 to 64 letters, digits, `_` or `-` (default ``defaultName``)
    /// and `schema` a JSON Schema that ``JSONSchemaCheck`` reads, kept as compact JSON with sorted
    /// keys so every target gets the same bytes.
    /// - Throws: ``OutputSchemaProblem`` naming the first faulty field.
    public static func parse(_ value: Any) throws(OutputSchemaProblem) -> OutputSchema {
        guard let object = value as? [String: Any] else {
            throw OutputSchemaProblem(field: "output_schema", message: "must be a mapping {name, schema}")
        }
        for key in object.keys.sorted() where key != "name" && key != "schema" {
            throw OutputSchemaProblem(field: "output_schema.\(key)", message: "unknown field; output_schema takes name and schema")
        }
        let name = object["name"] as? String ?? (object["name"] == nil ? defaultName : "")
        guard !name.isEmpty, name.utf8.count <= 64, name.utf8.allSatisfy(nameCharacters.contains) else {
            throw OutputSchemaProblem(field: "output_schema.name", message: "must be 1 to 64 letters, digits, '_' or '-'")
        }
        guard let schema = object["schema"] else {
            throw OutputSchemaProblem(field: "output_schema.schema", message: "required: the JSON Schema the answer must follow")
        }
        let check: JSONSchemaCheck
        do {
            check = try JSONSchemaCheck(schema)
        } catch {
            throw OutputSchemaProblem(field: "output_schema.schema" + (error.path.isEmpty ? "" : "." + error.path), message: error.message)
        }
        guard let text = ToolFunction.compactJSON(schema) else {
            throw OutputSchemaProblem(field: "output_schema.schema", message: "is not a JSON value")
        }
        return OutputSchema(name: name, schemaJSON: text, schema: check)
    }

    /// Whether `answer` is structured output that follows the schema: the whole text (spaces
    /// around it aside) parses as JSON and ``JSONSchemaCheck/accepts(_:)`` it. Unlike an expected
    /// answer's schema, no text around the value is allowed: structured output is the value.
    public func isFollowed(by answer: String) -> Bool {
        let trimmed = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let value = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8), options: .fragmentsAllowed) else { return false }
        return schema.accepts(value)
    }

    private static let nameCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-".utf8)
}
