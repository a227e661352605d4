import Foundation
import Workload

extension GeminiDialect {
    /// `schema` in Gemini's `responseSchema` dialect (a subset of OpenAPI 3.0's schema object):
    /// `type` upper-cased (`OBJECT`, `STRING`, …), `properties` and `items` translated in turn,
    /// `required`, `description` and `title` as they are, `enum` only when every value is a
    /// string (Gemini's enums are strings). `additionalProperties` has no counterpart and is
    /// dropped: the answer is still judged against the whole schema. Compact JSON, keys sorted.
    static func responseSchema(_ schema: OutputSchema) -> String {
        guard let value = try? JSONSerialization.jsonObject(with: Data(schema.schemaJSON.utf8)),
              let data = try? JSONSerialization.data(withJSONObject: translated(value), options: [.sortedKeys]),
              let text = String(data: data, encoding: .utf8)
        else { return "{}" }
        return text
    }

    private static func translated(_ value: Any) -> Any {
        guard let object = value as? [String: Any] else { return [String: Any]() }
        var out: [String: Any] = [:]
        if let type = object["type"] as? String { out["type"] = type.uppercased() }
        if let properties = object["properties"] as? [String: Any] {
            out["properties"] = properties.mapValues(translated)
        }
        if let items = object["items"] { out["items"] = translated(items) }
        for key in ["required", "description", "title"] where object[key] != nil {
            out[key] = object[key]
        }
        if let values = object["enum"] as? [Any], let strings = values as? [String], strings.count == values.count {
            out["enum"] = strings
            out["type"] = out["type"] ?? "STRING"
        }
        return out
    }
}
