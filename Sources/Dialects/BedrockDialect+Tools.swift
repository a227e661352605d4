import EventStream
import Foundation
import Workload

extension BedrockDialect {
    /// Converse takes tools.
    public var acceptsTools: Bool { true }

    /// The non-system messages: plain ones `{role, content: [{text}]}`; an assistant's calls as
    /// `toolUse {toolUseId, name, input}` blocks (after a text block when it said something);
    /// each run of tool results as one user message of `toolResult {toolUseId, content}` blocks,
    /// the content `[{json: …}]` for a JSON object, else `[{text: …}]`.
    static func messageObjects(_ messages: [ChatMessage]) -> [JSONObjectWriter] {
        func textBlock(_ text: String) -> JSONObjectWriter {
            var block = JSONObjectWriter()
            block.add("text", text)
            return block
        }
        return messages.filter { $0.role != "system" }.groupingToolResults.map { group in
            let message = group[0]
            var object = JSONObjectWriter()
            var blocks: [JSONObjectWriter] = []
            if message.role == "tool" {
                object.add("role", "user")
                for result in group {
                    var content = JSONObjectWriter()
                    if result.resultObjectJSON == result.content {
                        content.add("json", json: result.content)
                    } else {
                        content.add("text", result.content)
                    }
                    var toolResult = JSONObjectWriter()
                    toolResult.add("toolUseId", result.toolCallID ?? "")
                    toolResult.add("content", [content])
                    var block = JSONObjectWriter()
                    block.add("toolResult", toolResult)
                    blocks.append(block)
                }
            } else {
                object.add("role", message.role)
                if !message.content.isEmpty || message.toolCalls.isEmpty { blocks.append(textBlock(message.content)) }
                for call in message.toolCalls {
                    var toolUse = JSONObjectWriter()
                    toolUse.add("toolUseId", call.id)
                    toolUse.add("name", call.name)
                    toolUse.add("input", json: call.argumentsObjectJSON)
                    var block = JSONObjectWriter()
                    block.add("toolUse", toolUse)
                    blocks.append(block)
                }
            }
            object.add("content", blocks)
            return object
        }
    }

    /// Adds `toolConfig {tools: [{toolSpec {name, description, inputSchema {json}}}], toolChoice}`
    /// when the prompt offers tools; `toolChoice` is `{"auto":{}}`, `{"any":{}}` for required or
    /// `{"tool":{"name":…}}`. Converse has no `none`: the tools are sent without a choice (a
    /// conversation holding tool calls must declare its tools).
    static func addTools(for prompt: PromptItem, to json: inout JSONObjectWriter) {
        guard !prompt.tools.isEmpty else { return }
        var config = JSONObjectWriter()
        config.add("tools", prompt.tools.map { tool in
            var schema = JSONObjectWriter()
            schema.add("json", json: tool.parametersJSON)
            var spec = JSONObjectWriter()
            spec.add("name", tool.name)
            if !tool.description.isEmpty { spec.add("description", tool.description) }
            spec.add("inputSchema", schema)
            var object = JSONObjectWriter()
            object.add("toolSpec", spec)
            return object
        })
        var choice = JSONObjectWriter()
        switch prompt.toolChoice {
        case .auto?: choice.add("auto", JSONObjectWriter())
        case .required?: choice.add("any", JSONObjectWriter())
        case .function(let name)?:
            var tool = JSONObjectWriter()
            tool.add("name", name)
            choice.add("tool", tool)
        case .none?, nil:
            json.add("toolConfig", config)
            return
        }
        config.add("toolChoice", choice)
        json.add("toolConfig", config)
    }

    /// The `toolUse` blocks: streamed, each `contentBlockStart` with `start.toolUse` (id, name)
    /// filled by its block's `contentBlockDelta` `delta.toolUse.input` pieces, `{}` when none
    /// came; whole, `output.message.content[].toolUse` with `input` as compact JSON with sorted
    /// keys.
    public func toolCalls(of body: [UInt8], streaming: Bool) -> [ToolCall]? {
        var calls = ToolCallAccumulator()
        var payloads: [[String: Any]] = []
        if streaming {
            var decoder = EventStreamDecoder()
            let messages = (try? decoder.feed(body)) ?? []
            payloads = messages.compactMap { ResponseText.object($0.payload) }
        }
        guard !payloads.isEmpty else {
            let output = ResponseText.object(body)?["output"] as? [String: Any]
            let blocks = (output?["message"] as? [String: Any])?["content"] as? [[String: Any]] ?? []
            for block in blocks {
                guard let use = block["toolUse"] as? [String: Any] else { continue }
                calls.add(id: use["toolUseId"] as? String, name: use["name"] as? String ?? "", argumentsJSON: ToolCallAccumulator.jsonText(use["input"]))
            }
            return calls.result
        }
        var toolBlocks: Set<Int> = []
        for payload in payloads {
            guard let index = payload["contentBlockIndex"] as? Int else { continue }
            if let use = (payload["start"] as? [String: Any])?["toolUse"] as? [String: Any] {
                toolBlocks.insert(index)
                calls.open(index, id: use["toolUseId"] as? String, name: use["name"] as? String)
            } else if toolBlocks.contains(index),
                      let piece = ((payload["delta"] as? [String: Any])?["toolUse"] as? [String: Any])?["input"] as? String {
                calls.append(index, arguments: piece)
            }
        }
        return calls.result.map { call in
            var call = call
            if call.argumentsJSON.isEmpty { call.argumentsJSON = "{}" }
            return call
        }
    }
}
