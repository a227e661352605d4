import Workload

extension JSONObjectWriter {
    /// How a chat API writes tool calls and results in its messages.
    enum ToolMessageStyle {
        /// OpenAI: `tool_calls[] {id, type: function, function {name, arguments: "<text>"}}`, the
        /// calling message's empty content as null, results `{role: tool, content, tool_call_id}`.
        case openAI
        /// Ollama: `tool_calls[] {function {name, arguments: {…}}}`, results
        /// `{role: tool, content, tool_name}`.
        case ollama
    }

    /// Adds `key` with `messages` as an array of `{"role":…,"content":…}` objects, the chat shape
    /// of OpenAI, Ollama and Anthropic; an agent's tool calls and results as `style` writes them.
    mutating func addMessages(_ key: String, _ messages: some Sequence<ChatMessage>, toolStyle: ToolMessageStyle = .openAI) {
        add(key, messages.map { message in
            var object = JSONObjectWriter()
            object.add("role", message.role)
            if toolStyle == .openAI, !message.toolCalls.isEmpty, message.content.isEmpty {
                object.add("content", json: "null")
            } else {
                object.add("content", message.content)
            }
            if !message.toolCalls.isEmpty {
                object.add("tool_calls", message.toolCalls.map { call in
                    var function = JSONObjectWriter()
                    function.add("name", call.name)
                    var entry = JSONObjectWriter()
                    switch toolStyle {
                    case .openAI:
                        function.add("arguments", call.argumentsJSON)
                        entry.add("id", call.id)
                        entry.add("type", "function")
                    case .ollama:
                        function.add("arguments", json: call.argumentsObjectJSON)
                    }
                    entry.add("function", function)
                    return entry
                })
            }
            if message.role == "tool" {
                switch toolStyle {
                case .openAI: object.add("tool_call_id", message.toolCallID ?? "")
                case .ollama: object.add("tool_name", message.toolName ?? "")
                }
            }
            return object
        })
    }

    /// Adds OpenAI's `tools` (`[{type: function, function {name, description, parameters}}]`,
    /// Ollama's shape too) for `functions`; nothing when there are none.
    mutating func addFunctionTools(_ functions: [ToolFunction]) {
        guard !functions.isEmpty else { return }
        add("tools", functions.map { tool in
            var function = JSONObjectWriter()
            function.add("name", tool.name)
            if !tool.description.isEmpty { function.add("description", tool.description) }
            function.add("parameters", json: tool.parametersJSON)
            var entry = JSONObjectWriter()
            entry.add("type", "function")
            entry.add("function", function)
            return entry
        })
    }
}
