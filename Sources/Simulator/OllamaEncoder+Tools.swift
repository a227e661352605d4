extension OllamaEncoder {
    /// One `tool_calls` entry: `function {name, arguments}`, the arguments as their value.
    func toolCallObject(_ call: ToolCallPlan) -> String {
        var out = JSONWriter()
        out.raw(#"{"function":{"name":"#)
        out.string(call.name)
        out.raw(#","arguments":"# + call.argumentsValueJSON + "}}")
        return out.text
    }
}

extension OllamaDialect {
    /// Ollama sends each call whole: a tool call is one token.
    static var streamsToolArguments: Bool { false }
}
