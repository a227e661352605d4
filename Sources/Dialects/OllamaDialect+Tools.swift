import Workload

extension OllamaDialect {
    /// `/api/chat` takes tools; `/api/generate` does not.
    public var acceptsTools: Bool { api == .chat }

    /// Adds OpenAI-shaped `tools` when the prompt offers some. Ollama has no tool choice: `none`
    /// sends no tools (the same request without them), and `required` or a named function send
    /// them all, leaving the choice to the model.
    func addTools(for prompt: PromptItem, to json: inout JSONObjectWriter) {
        guard api == .chat, prompt.toolChoice != ToolChoice.none else { return }
        json.addFunctionTools(prompt.tools)
    }

    /// Every line's `message.tool_calls[]` (`function.name`, `function.arguments` as an object,
    /// written back as compact JSON with sorted keys), in order; Ollama sends each call whole.
    public func toolCalls(of body: [UInt8], streaming: Bool) -> [ToolCall]? {
        var calls = ToolCallAccumulator()
        for line in ResponseText.lineObjects(body) {
            let list = (line["message"] as? [String: Any])?["tool_calls"] as? [[String: Any]] ?? []
            for entry in list {
                let function = entry["function"] as? [String: Any] ?? [:]
                let arguments = function["arguments"].map { ($0 as? String) ?? ToolCallAccumulator.jsonText($0) } ?? ""
                calls.add(id: entry["id"] as? String, name: function["name"] as? String ?? "", argumentsJSON: arguments)
            }
        }
        return calls.result
    }
}
