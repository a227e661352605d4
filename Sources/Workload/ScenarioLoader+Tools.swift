import Foundation
import Yams

extension ItemTools {
    /// The workload (and dataset line) fields that carry tools, in the order they are documented.
    public static let fieldNames = ["tools", "tool_choice", "max_turns", "tool_results"]
}

extension ScenarioLoader {
    /// The workload's `tools` (inline, or the path of a JSON file holding the list, resolved
    /// against the scenario's folder), `tool_choice`, `max_turns` and `tool_results`; each
    /// problem is reported on its field's line.
    func readTools(_ fields: YAMLFields, file: String, into report: inout ProblemReport) -> ItemTools {
        var object: [String: Any] = [:]
        for name in ItemTools.fieldNames {
            guard let node = fields.node(name) else { continue }
            if name == "tools", case .scalar(let scalar) = node {
                let path = scalar.string
                let resolved = path.hasPrefix("/") ? path : ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(path)
                guard let data = FileManager.default.contents(atPath: resolved),
                      let list = try? JSONSerialization.jsonObject(with: data)
                else {
                    report.add(fields.field(name), line: node.mark?.line, "cannot read a JSON list of tools from \(FileAccess.absolute(resolved))")
                    return ItemTools()
                }
                object[name] = list
            } else {
                object[name] = Self.jsonValue(of: node)
            }
        }
        guard !object.isEmpty else { return ItemTools() }
        do {
            return try ItemTools.parse(object)
        } catch {
            let root = String(error.field.prefix { $0 != "[" && $0 != "." })
            report.add(fields.field(error.field), line: fields.node(root)?.mark?.line, error.message)
            return ItemTools()
        }
    }

    /// A YAML node as `JSONSerialization` would give the same JSON: mappings, lists, and scalars
    /// as booleans, whole numbers, numbers or text by their resolved tag.
    static func jsonValue(of node: Node) -> Any {
        switch node {
        case .scalar:
            if node.null != nil { return NSNull() }
            if let value = node.bool { return value }
            if let value = node.int { return value }
            if let value = node.float { return value }
            return node.string ?? ""
        case .mapping(let mapping):
            var object: [String: Any] = [:]
            for (key, value) in mapping { object[key.string ?? ""] = jsonValue(of: value) }
            return object
        case .sequence(let sequence):
            return sequence.map(jsonValue(of:))
        case .alias:
            return NSNull()
        }
    }
}
