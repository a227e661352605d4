import Foundation
import Workload

/// A function a request offers the simulated model, as its parser read it: the name and, when
/// repat can judge it, the arguments' schema (``JSONSchemaCheck``), from which the simulator
/// makes the arguments of its calls.
struct OfferedTool: Sendable, Equatable {
    /// The function's name.
    var name: String
    /// The arguments' schema; nil when it uses keywords ``JSONSchemaCheck`` does not read (the
    /// call then carries `{}`).
    var schema: JSONSchemaCheck?

    /// A tool named `name` whose schema is the JSON value `schema` (as `JSONSerialization`
    /// returns it); a missing or unreadable schema gives nil.
    init(name: String, schema: Any?) {
        self.name = name
        self.schema = schema.flatMap { try? JSONSchemaCheck($0) }
    }

    /// A JSON instance of the schema as compact text with sorted keys (``JSONSchemaCheck/example``):
    /// the arguments of a valid call.
    var exampleArguments: String {
        let value = schema?.example ?? [String: Any]()
        let options: JSONSerialization.WritingOptions = [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: options) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

extension InferenceRequest {
    /// Whether the body contains `tool` anywhere: every API's tools, tool choice and tool results
    /// are named so (`tools`, `toolConfig`, `tool_result`, `toolResult`, role `tool`), so a body
    /// without it is not parsed a second time.
    static func mentionsTools(_ body: [UInt8]) -> Bool {
        let word: [UInt8] = Array("tool".utf8)
        guard body.count >= word.count else { return false }
        for start in 0...(body.count - word.count) where body[start] == word[0] {
            if body[start + 1] == word[1], body[start + 2] == word[2], body[start + 3] == word[3] { return true }
        }
        return false
    }

    /// The request body as one JSON object, for reading its tools; nil when it is not one.
    static func jsonObject(_ body: [UInt8]) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }
}
