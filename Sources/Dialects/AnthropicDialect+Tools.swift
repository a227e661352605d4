import Workload

extension AnthropicDialect {
    /// The Messages API takes tools.
    public var acceptsTools: Bool { true }

    /// The non-system messages: plain ones as `{role, content: "<text>"}`; an assistant's calls
    /// as `tool_use` blocks (`{type, id, name, input}`, after a text block when it said
    /// something); each run of tool results as one user message of `tool_result` blocks
    /// (`{type, tool_use_id, content}`).
    static func messageObjects(_ messages: [ChatMessage]) -> [JSONObjectWriter] {
        messages.filter { $0.role != "system" }.groupingToolResults.map { group in
            let message = group[0]
            var object = JSONObjectWriter()
            if message.role == "tool" {
                object.add("role", "user")
                object.add("content", group.map { result in
                    var block = JSONObjectWriter()
                    block.add("type", "tool_result")
                    block.add("tool_use_id", result.toolCallID ?? "")
                    block.add("content", result.content)
                    return block
                })
            } else if !message.toolCalls.isEmpty {
                object.add("role", message.role)
                var blocks: [JSONObjectWriter] = []
                if !message.content.isEmpty {
                    var text = JSONObjectWriter()
                    text.add("type", "text")
                    text.add("text", message.content)
                    blocks.append(text)
                }
                for call in message.toolCalls {
                    var block = JSONObjectWriter()
                    block.add("type", "tool_use")
                    block.add("id", call.id)
                    block.add("name", call.name)
                    block.add("input", json: call.argumentsObjectJSON)
                    blocks.append(block)
                }
                object.add("content", blocks)
            } else {
                object.add("role", message.role)
                object.add("content", message.content)
            }
            return object
        }
    }

    /// Adds `tools` (`[{name, description, input_schema}]`) and `tool_choice` (`{"type":"auto"}`,
    /// `any` for required, `none`, or `{"type":"tool","name":…}`) when the prompt offers tools.
    static func addTools(for prompt: PromptItem, to json: inout JSONObjectWriter) {
        guard !prompt.tools.isEmpty else { return }
        json.add("tools", prompt.tools.map { tool in
            var object = JSONObjectWriter()
            object.add("name", tool.name)
            if !tool.description.isEmpty { object.add("description", tool.description) }
            object.add("input_schema", json: tool.parametersJSON)
            return object
        })
        guard let choice = prompt.toolChoice else { return }
        var object = JSONObjectWriter()
        switch choice {
        case .auto: object.add("type", "auto")
        case .none: object.add("type", "none")
        case .required: object.add("type", "any")
        case .function(let name):
            object.add("type", "tool")
            object.add("name", name)
        }
        json.add("tool_choice", object)
    }

    /// The `tool_use` blocks: streamed, opened by `content_block_start` (id, name) and filled by
    /// that block's `input_json_delta` events (`partial_json`), `{}` when none came; whole, each
    /// block's `input` object as compact JSON with sorted keys.
    public func toolCalls(of body: [UInt8], streaming: Bool) -> [ToolCall]? {
        let events = streaming ? ResponseText.eventObjects(body) : []
        var calls = ToolCallAccumulator()
        guard !events.isEmpty else {
            let blocks = ResponseText.object(body)?["content"] as? [[String: Any]] ?? []
            for block in blocks where block["type"] as? String == "tool_use" {
                calls.add(id: block["id"] as? String, name: block["name"] as? String ?? "", argumentsJSON: ToolCallAccumulator.jsonText(block["input"]))
            }
            return calls.result
        }
        var toolBlocks: Set<Int> = []
        for event in events {
            guard let index = event["index"] as? Int else { continue }
            switch event["type"] as? String {
            case "content_block_start":
                guard let block = event["content_block"] as? [String: Any], block["type"] as? String == "tool_use" else { continue }
                toolBlocks.insert(index)
                calls.open(index, id: block["id"] as? String, name: block["name"] as? String)
            case "content_block_delta":
                guard toolBlocks.contains(index), let delta = event["delta"] as? [String: Any],
                      delta["type"] as? String == "input_json_delta", let piece = delta["partial_json"] as? String
                else { continue }
                calls.append(index, arguments: piece)
            default:
                continue
            }
        }
        return calls.result.map { call in
            var call = call
            if call.argumentsJSON.isEmpty { call.argumentsJSON = "{}" }
            return call
        }
    }
}
