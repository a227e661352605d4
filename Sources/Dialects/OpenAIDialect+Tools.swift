import Workload

extension OpenAIDialect {
    /// The chat API takes tools; the completions API does not.
    public var acceptsTools: Bool { api == .chat }

    /// Adds `tools` and `tool_choice` (`"auto"`, `"none"`, `"required"` or
    /// `{"type":"function","function":{"name":…}}`) when the prompt offers tools.
    func addTools(for prompt: PromptItem, to json: inout JSONObjectWriter) {
        guard api == .chat, !prompt.tools.isEmpty else { return }
        json.addFunctionTools(prompt.tools)
        switch prompt.toolChoice {
        case nil: break
        case .auto?: json.add("tool_choice", "auto")
        case .none?: json.add("tool_choice", "none")
        case .required?: json.add("tool_choice", "required")
        case .function(let name)?:
            var function = JSONObjectWriter()
            function.add("name", name)
            var choice = JSONObjectWriter()
            choice.add("type", "function")
            choice.add("function", function)
            json.add("tool_choice", choice)
        }
    }

    /// Choice 0's calls: streamed, each chunk's `delta.tool_calls[]` gathered by `index` (the
    /// first piece brings `id` and `function.name`, every piece a part of `function.arguments`);
    /// whole, `message.tool_calls[]`. A streamed request answered with a plain body is read as
    /// that body.
    public func toolCalls(of body: [UInt8], streaming: Bool) -> [ToolCall]? {
        let chunks = streaming ? ResponseText.eventObjects(body) : []
        let objects = chunks.isEmpty ? ResponseText.object(body).map { [$0] } ?? [] : chunks
        var calls = ToolCallAccumulator()
        for object in objects {
            guard let choices = object["choices"] as? [[String: Any]],
                  let choice = choices.first(where: { ($0["index"] as? Int ?? 0) == 0 })
            else { continue }
            for key in ["delta", "message"] {
                guard let list = (choice[key] as? [String: Any])?["tool_calls"] as? [[String: Any]] else { continue }
                for (offset, entry) in list.enumerated() {
                    let position = entry["index"] as? Int ?? offset
                    let function = entry["function"] as? [String: Any]
                    calls.open(position, id: entry["id"] as? String, name: function?["name"] as? String)
                    if let arguments = function?["arguments"] as? String { calls.append(position, arguments: arguments) }
                }
            }
        }
        return calls.result
    }
}

extension AzureOpenAIDialect {
    /// As OpenAI's: the chat API takes tools.
    public var acceptsTools: Bool { api == .chat }

    /// As OpenAI's: Azure sends the same chunks and bodies.
    public func toolCalls(of body: [UInt8], streaming: Bool) -> [ToolCall]? {
        OpenAIDialect(api: api).toolCalls(of: body, streaming: streaming)
    }
}
