import Workload

extension ResponsesDialect {
    /// The Responses API takes function tools.
    public var acceptsTools: Bool { true }

    /// The calls of a response, in output order: streamed, each `response.output_item.added`
    /// function call (its `call_id` and `name`) and the `response.function_call_arguments.delta`
    /// pieces of its `output_index`; whole (or a streamed request answered with a plain body),
    /// the `function_call` items of `output`.
    public func toolCalls(of body: [UInt8], streaming: Bool) -> [ToolCall]? {
        var calls = ToolCallAccumulator()
        let events = streaming ? ResponseText.eventObjects(body) : []
        guard events.isEmpty else {
            for event in events {
                let position = event["output_index"] as? Int ?? 0
                switch event["type"] as? String {
                case "response.output_item.added":
                    guard let item = event["item"] as? [String: Any], item["type"] as? String == "function_call" else { continue }
                    calls.open(position, id: item["call_id"] as? String, name: item["name"] as? String)
                case "response.function_call_arguments.delta":
                    if let delta = event["delta"] as? String { calls.append(position, arguments: delta) }
                default:
                    continue
                }
            }
            return calls.result
        }
        for item in ResponseText.object(body)?["output"] as? [[String: Any]] ?? [] where item["type"] as? String == "function_call" {
            calls.add(id: item["call_id"] as? String, name: item["name"] as? String ?? "", argumentsJSON: item["arguments"] as? String ?? "")
        }
        return calls.result
    }
}

extension JSONObjectWriter {
    /// Adds the Responses API's `input`: each message as `{"role":…,"content":…}`; an assistant
    /// message's tool calls as `{"type":"function_call","call_id":…,"name":…,"arguments":…}`
    /// items after it (the message itself only when it has text); a tool result as
    /// `{"type":"function_call_output","call_id":…,"output":…}`.
    mutating func addResponsesInput(_ messages: some Sequence<ChatMessage>) {
        var items: [JSONObjectWriter] = []
        for message in messages {
            if message.role == "tool" {
                var output = JSONObjectWriter()
                output.add("type", "function_call_output")
                output.add("call_id", message.toolCallID ?? "")
                output.add("output", message.content)
                items.append(output)
                continue
            }
            if message.toolCalls.isEmpty || !message.content.isEmpty {
                var object = JSONObjectWriter()
                object.add("role", message.role)
                object.add("content", message.content)
                items.append(object)
            }
            for call in message.toolCalls {
                var item = JSONObjectWriter()
                item.add("type", "function_call")
                item.add("call_id", call.id)
                item.add("name", call.name)
                item.add("arguments", call.argumentsJSON)
                items.append(item)
            }
        }
        add("input", items)
    }
}
