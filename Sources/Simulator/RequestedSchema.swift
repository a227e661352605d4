import Foundation
import Workload

/// The JSON Schema a structured-output request asks the answer to follow, found in its body
/// (OpenAI's `response_format.json_schema.schema`, Ollama's `format`, Gemini's
/// `generationConfig.responseSchema`, the Responses API's `text.format.schema`).
enum RequestedSchema {
    /// The schema at `path` in `body`, or nil when the body has none there (or a non-object there,
    /// such as Ollama's `"format": "json"`). Bodies that do not mention `path`'s first key are not
    /// parsed again, so requests without a schema cost nothing more. With `geminiTypes`, `type`
    /// values are read case-insensitively (Gemini writes `OBJECT`, `STRING`).
    ///
    /// - Throws: ``APIError`` 400 for a schema this simulator cannot follow (a keyword outside
    ///   the subset ``JSONSchemaCheck`` supports), naming where.
    static func find(in body: [UInt8], path: [String], geminiTypes: Bool = false) throws(APIError) -> JSONSchemaCheck? {
        guard let first = path.first, contains(body, key: first),
              var value = try? JSONSerialization.jsonObject(with: Data(body))
        else { return nil }
        for key in path {
            guard let object = value as? [String: Any], let member = object[key] else { return nil }
            value = member
        }
        guard value is [String: Any] else { return nil }
        if geminiTypes { value = lowercasedTypes(value) }
        do throws(JSONSchemaCheck.Fault) {
            return try JSONSchemaCheck(value)
        } catch {
            let field = ([path.joined(separator: ".")] + (error.path.isEmpty ? [] : [error.path])).joined(separator: ".")
            throw .invalidRequest("'\(field)': \(error.message) (repat's simulator)", param: field)
        }
    }

    /// Whether `"key"` appears in `body`.
    private static func contains(_ body: [UInt8], key: String) -> Bool {
        let needle = Array("\"\(key)\"".utf8)
        guard needle.count <= body.count else { return false }
        for start in 0...(body.count - needle.count) where body[start] == needle[0] {
            if body[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// `value` with every schema's `type` lower-cased, through `properties` and `items`.
    private static func lowercasedTypes(_ value: Any) -> Any {
        guard var object = value as? [String: Any] else { return value }
        if let type = object["type"] as? String { object["type"] = type.lowercased() }
        if let properties = object["properties"] as? [String: Any] {
            object["properties"] = properties.mapValues(lowercasedTypes)
        }
        if let items = object["items"] { object["items"] = lowercasedTypes(items) }
        return object
    }
}
