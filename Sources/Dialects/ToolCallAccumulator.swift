import Foundation
import Workload

/// Assembles tool calls from a response's pieces: a call opened with its id and name at a
/// position (OpenAI's `index`, Anthropic's and Bedrock's content block), then argument text
/// appended to that position, in arrival order. Calls come out in order of first appearance.
struct ToolCallAccumulator {
    private var order: [Int] = []
    private var calls: [Int: ToolCall] = [:]

    /// Opens (or completes) the call at `position`: a non-empty id or name replaces what was there.
    mutating func open(_ position: Int, id: String?, name: String?) {
        var call = calls[position] ?? ToolCall(id: "", name: "", argumentsJSON: "")
        if calls[position] == nil { order.append(position) }
        if let id, !id.isEmpty { call.id = id }
        if let name, !name.isEmpty { call.name = name }
        calls[position] = call
    }

    /// Appends a piece of argument text to the call at `position` (opening it if needed).
    mutating func append(_ position: Int, arguments: String) {
        if calls[position] == nil { open(position, id: nil, name: nil) }
        calls[position]?.argumentsJSON += arguments
    }

    /// Adds a whole call at the next position (an API that sends each call in one piece).
    mutating func add(id: String?, name: String, argumentsJSON: String) {
        let position = (order.last ?? -1) + 1
        open(position, id: id, name: name)
        append(position, arguments: argumentsJSON)
    }

    /// The calls so far; a call the response gave no id gets `call_<n>` (its position in the list).
    var result: [ToolCall] {
        order.enumerated().compactMap { number, position in
            guard var call = calls[position] else { return nil }
            if call.id.isEmpty { call.id = "call_\(number)" }
            return call
        }
    }

    /// A JSON value (a call's `input`/`args` object) as compact JSON text with sorted keys.
    static func jsonText(_ value: Any?) -> String {
        guard let value, JSONSerialization.isValidJSONObject([value]),
              let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

extension ToolCall {
    /// The arguments as a JSON object's text, for APIs that send them back as an object (Anthropic
    /// `input`, Gemini `args`, Bedrock `input`, Ollama `arguments`): the text itself when it is a
    /// JSON object, else `{}`.
    var argumentsObjectJSON: String {
        let value = try? JSONSerialization.jsonObject(with: Data(argumentsJSON.utf8))
        return value is [String: Any] ? argumentsJSON : "{}"
    }
}

extension ChatMessage {
    /// A tool result as a JSON object's text, for APIs whose results are objects (Gemini's
    /// `functionResponse.response`, Bedrock's `json` content): the result itself when it is a
    /// JSON object, else `{"result": <the text>}`.
    var resultObjectJSON: String {
        let value = try? JSONSerialization.jsonObject(with: Data(content.utf8))
        if value is [String: Any] { return content }
        var object = JSONObjectWriter()
        object.add("result", content)
        return String(decoding: object.finished(), as: UTF8.self)
    }

    /// Whether this message carries tool results or calls, which every tool API renders apart.
    var isToolTurn: Bool { role == "tool" || !toolCalls.isEmpty }
}

extension Array where Element == ChatMessage {
    /// The messages with each run of consecutive tool results gathered into one group (APIs that
    /// send results as blocks of one user message: Anthropic, Gemini, Bedrock); every other
    /// message is a group of its own.
    var groupingToolResults: [[ChatMessage]] {
        var groups: [[ChatMessage]] = []
        for message in self {
            if message.role == "tool", let last = groups.last?.last, last.role == "tool" {
                groups[groups.count - 1].append(message)
            } else {
                groups.append([message])
            }
        }
        return groups
    }
}
