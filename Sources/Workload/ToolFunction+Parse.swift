import Foundation

/// Why a `tools`, `tool_choice`, `max_turns` or `tool_results` value cannot be used: the faulty
/// field (dotted, `tools[1].parameters.properties.city`) and what is wrong.
public struct ToolSpecProblem: Error, Sendable, Equatable {
    /// The field, from the item's (or the workload's) root.
    public var field: String
    /// One sentence.
    public var message: String
}

extension ToolFunction {
    /// The most functions one request may offer (OpenAI's limit).
    public static let maximumCount = 128

    /// Reads a `tools` list (as `JSONSerialization` or the YAML reader returns it): each entry
    /// `{name, description, parameters}` or OpenAI's `{type: function, function: {…}}`. Names are
    /// 1 to 64 letters, digits, `_` or `-`, and unique; `parameters` (default: an object with no
    /// members) must be a schema ``JSONSchemaCheck`` reads, and is kept as compact JSON with
    /// sorted keys, so every target gets the same bytes.
    /// - Throws: ``ToolSpecProblem`` naming the first faulty field.
    public static func parseList(_ value: Any) throws(ToolSpecProblem) -> [ToolFunction] {
        guard let list = value as? [Any], !list.isEmpty, list.count <= maximumCount else {
            throw ToolSpecProblem(field: "tools", message: "must be a list of 1 to \(maximumCount) functions")
        }
        var functions: [ToolFunction] = []
        for (index, entry) in list.enumerated() {
            let field = "tools[\(index)]"
            guard var object = entry as? [String: Any] else {
                throw ToolSpecProblem(field: field, message: "must be an object {name, description, parameters}")
            }
            if let type = object["type"] as? String {
                guard type == "function", let inner = object["function"] as? [String: Any] else {
                    throw ToolSpecProblem(field: field, message: "only {type: function, function: {…}} tools are supported")
                }
                object = inner
            }
            guard let name = object["name"] as? String, isValidName(name) else {
                throw ToolSpecProblem(field: field + ".name", message: "must be 1 to 64 letters, digits, '_' or '-'")
            }
            guard !functions.contains(where: { $0.name == name }) else {
                throw ToolSpecProblem(field: field + ".name", message: "'\(name)' is offered twice")
            }
            let schema = object["parameters"] ?? ["type": "object", "properties": [String: Any]()]
            let check: JSONSchemaCheck
            do {
                check = try JSONSchemaCheck(schema)
            } catch {
                let path = error.path.isEmpty ? "" : "." + error.path
                throw ToolSpecProblem(field: field + ".parameters" + path, message: error.message)
            }
            guard let text = compactJSON(schema) else {
                throw ToolSpecProblem(field: field + ".parameters", message: "is not a JSON value")
            }
            let description = object["description"] as? String ?? ""
            functions.append(ToolFunction(name: name, description: description, parametersJSON: text, parameters: check))
        }
        return functions
    }

    /// `value` as compact JSON text with sorted keys and unescaped slashes; nil for a value JSON
    /// cannot hold.
    static func compactJSON(_ value: Any) -> String? {
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]
        guard JSONSerialization.isValidJSONObject([value]),
              let data = try? JSONSerialization.data(withJSONObject: value, options: options)
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Characters a function name may use (OpenAI's rule, which the other APIs accept too).
    private static let nameCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-".utf8)

    private static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64 && name.utf8.allSatisfy(nameCharacters.contains)
    }
}

extension ToolChoice {
    /// Reads a `tool_choice`: `auto`, `none`, `required`, or a function to call as `{name: …}`
    /// (OpenAI's `{type: function, function: {name: …}}` too), which must be one of `offered`.
    /// - Throws: ``ToolSpecProblem`` for anything else.
    public static func parse(_ value: Any, offered: [String]) throws(ToolSpecProblem) -> ToolChoice {
        if let text = value as? String {
            switch text {
            case "auto": return .auto
            case "none": return ToolChoice.none
            case "required": return .required
            default: break
            }
        }
        if let object = value as? [String: Any] {
            let name = (object["function"] as? [String: Any])?["name"] as? String ?? object["name"] as? String
            if let name {
                guard offered.contains(name) else {
                    throw ToolSpecProblem(field: "tool_choice", message: "names '\(name)', which is not among the tools (\(offered.joined(separator: ", ")))")
                }
                return .function(name)
            }
        }
        throw ToolSpecProblem(field: "tool_choice", message: "expected auto, none, required or {name: a tool's name}")
    }
}

extension AgentTask {
    /// The most turns a task may take.
    public static let maximumTurns = 100

    /// Reads an agent task from `max_turns` (1 to ``maximumTurns``, default 4 when only results
    /// are given) and `tool_results` (a mapping from function name to its result, or a list of
    /// such mappings, one per turn; a text result is sent as it is, any other JSON value as
    /// compact JSON); nil when neither is given. Result names must be among `offered`.
    /// - Throws: ``ToolSpecProblem`` naming the faulty field.
    public static func parse(maxTurns: Any?, results: Any?, offered: [String]) throws(ToolSpecProblem) -> AgentTask? {
        guard maxTurns != nil || results != nil else { return nil }
        guard !offered.isEmpty else {
            throw ToolSpecProblem(field: maxTurns != nil ? "max_turns" : "tool_results", message: "needs tools to call")
        }
        var turns = 4
        if let maxTurns {
            guard let count = maxTurns as? Int, (1...maximumTurns).contains(count) else {
                throw ToolSpecProblem(field: "max_turns", message: "must be a whole number from 1 to \(maximumTurns)")
            }
            turns = count
        }
        var tables: [[String: String]] = []
        if let results {
            let list: [Any] = (results as? [Any]) ?? [results]
            for (index, entry) in list.enumerated() {
                let field = results is [Any] ? "tool_results[\(index)]" : "tool_results"
                guard let mapping = entry as? [String: Any] else {
                    throw ToolSpecProblem(field: field, message: "must map function names to their results")
                }
                var table: [String: String] = [:]
                for (name, value) in mapping {
                    guard offered.contains(name) else {
                        throw ToolSpecProblem(field: field + "." + name, message: "is not among the tools (\(offered.joined(separator: ", ")))")
                    }
                    guard let text = value as? String ?? ToolFunction.compactJSON(value) else {
                        throw ToolSpecProblem(field: field + "." + name, message: "is not a JSON value")
                    }
                    table[name] = text
                }
                tables.append(table)
            }
        }
        return AgentTask(maxTurns: turns, results: tables)
    }
}
