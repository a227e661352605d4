import Workload

extension OpenAIDialect {
    /// `tools[].function {name, parameters}`, `tool_choice` (`auto`, `none`, `required` or
    /// `{"type":"function","function":{"name":…}}`), and a last message of role `tool`.
    static func parseTools(_ body: [String: Any], into request: inout InferenceRequest) throws(APIError) {
        request.tools = try functionTools(body["tools"])
        request.toolChoice = openAIChoice(body["tool_choice"])
        request.answersToolResult = ((body["messages"] as? [[String: Any]])?.last?["role"] as? String) == "tool"
    }

    /// OpenAI's function tools (Ollama's too): each `{"type":"function","function":{…}}`.
    static func functionTools(_ value: Any?) throws(APIError) -> [OfferedTool] {
        guard let tools = value as? [[String: Any]] else { return [] }
        var offered: [OfferedTool] = []
        for (index, tool) in tools.enumerated() {
            let function = tool["function"] as? [String: Any] ?? [:]
            guard let name = function["name"] as? String, !name.isEmpty else {
                throw .invalidRequest("'tools[\(index)].function.name' is required", param: "tools")
            }
            offered.append(OfferedTool(name: name, schema: function["parameters"]))
        }
        return offered
    }

    /// OpenAI's `tool_choice`; nil when absent or not understood.
    static func openAIChoice(_ value: Any?) -> ToolChoice? {
        switch value {
        case let text as String:
            return ["auto": .auto, "none": .none, "required": .required][text]
        case let object as [String: Any]:
            return ((object["function"] as? [String: Any])?["name"] as? String).map(ToolChoice.function)
        default:
            return nil
        }
    }
}

extension AzureDialect {
    /// OpenAI's tools (Azure serves the same body).
    static func parseTools(_ body: [String: Any], into request: inout InferenceRequest) throws(APIError) {
        try OpenAIDialect.parseTools(body, into: &request)
    }
}

extension OllamaDialect {
    /// OpenAI-shaped `tools`, and a last message of role `tool`; Ollama has no tool choice.
    static func parseTools(_ body: [String: Any], into request: inout InferenceRequest) throws(APIError) {
        request.tools = try OpenAIDialect.functionTools(body["tools"])
        request.answersToolResult = ((body["messages"] as? [[String: Any]])?.last?["role"] as? String) == "tool"
    }
}

extension AnthropicDialect {
    /// `tools[] {name, input_schema}`, `tool_choice {type: auto|any|tool|none, name}`, and a last
    /// message holding a `tool_result` block.
    static func parseTools(_ body: [String: Any], into request: inout InferenceRequest) throws(APIError) {
        var offered: [OfferedTool] = []
        for (index, tool) in ((body["tools"] as? [[String: Any]]) ?? []).enumerated() {
            guard let name = tool["name"] as? String, !name.isEmpty else {
                throw .invalidRequest("tools.\(index).name: Field required", param: "tools")
            }
            offered.append(OfferedTool(name: name, schema: tool["input_schema"]))
        }
        request.tools = offered
        if let choice = body["tool_choice"] as? [String: Any] {
            switch choice["type"] as? String {
            case "auto": request.toolChoice = .auto
            case "any": request.toolChoice = .required
            case "none": request.toolChoice = ToolChoice.none
            case "tool": request.toolChoice = (choice["name"] as? String).map(ToolChoice.function)
            default: break
            }
        }
        let blocks = (body["messages"] as? [[String: Any]])?.last?["content"] as? [[String: Any]] ?? []
        request.answersToolResult = blocks.contains { $0["type"] as? String == "tool_result" }
    }
}

extension GeminiDialect {
    /// `tools[].functionDeclarations[] {name, parameters}`, `toolConfig.functionCallingConfig
    /// {mode, allowedFunctionNames}` (ANY with one allowed name calls that one), and a last
    /// content holding a `functionResponse` part. Snake_case spellings are read too.
    static func parseTools(_ body: [String: Any], into request: inout InferenceRequest) throws(APIError) {
        var offered: [OfferedTool] = []
        for tool in (body["tools"] as? [[String: Any]]) ?? [] {
            let declarations = (tool["functionDeclarations"] ?? tool["function_declarations"]) as? [[String: Any]] ?? []
            for declaration in declarations {
                guard let name = declaration["name"] as? String, !name.isEmpty else {
                    throw .invalidRequest("* GenerateContentRequest.tools.function_declarations.name: Name cannot be empty.")
                }
                offered.append(OfferedTool(name: name, schema: declaration["parameters"]))
            }
        }
        request.tools = offered
        let config = (body["toolConfig"] ?? body["tool_config"]) as? [String: Any]
        if let calling = (config?["functionCallingConfig"] ?? config?["function_calling_config"]) as? [String: Any] {
            let allowed = (calling["allowedFunctionNames"] ?? calling["allowed_function_names"]) as? [String] ?? []
            switch calling["mode"] as? String {
            case "AUTO": request.toolChoice = .auto
            case "NONE": request.toolChoice = ToolChoice.none
            case "ANY": request.toolChoice = allowed.count == 1 ? .function(allowed[0]) : .required
            default: break
            }
        }
        let parts = (body["contents"] as? [[String: Any]])?.last?["parts"] as? [[String: Any]] ?? []
        request.answersToolResult = parts.contains { $0["functionResponse"] != nil || $0["function_response"] != nil }
    }
}

extension BedrockDialect {
    /// `toolConfig.tools[].toolSpec {name, inputSchema.json}`, `toolConfig.toolChoice` (`auto`,
    /// `any` or `tool {name}`), and a last message holding a `toolResult` block.
    static func parseTools(_ body: [String: Any], into request: inout InferenceRequest) throws(APIError) {
        let config = body["toolConfig"] as? [String: Any] ?? [:]
        var offered: [OfferedTool] = []
        for tool in (config["tools"] as? [[String: Any]]) ?? [] {
            guard let spec = tool["toolSpec"] as? [String: Any] else { continue }
            guard let name = spec["name"] as? String, !name.isEmpty else {
                throw .invalidRequest("The toolSpec name is required.")
            }
            offered.append(OfferedTool(name: name, schema: (spec["inputSchema"] as? [String: Any])?["json"]))
        }
        request.tools = offered
        if let choice = config["toolChoice"] as? [String: Any] {
            if choice["auto"] != nil {
                request.toolChoice = .auto
            } else if choice["any"] != nil {
                request.toolChoice = .required
            } else if let name = (choice["tool"] as? [String: Any])?["name"] as? String {
                request.toolChoice = .function(name)
            }
        }
        let blocks = (body["messages"] as? [[String: Any]])?.last?["content"] as? [[String: Any]] ?? []
        request.answersToolResult = blocks.contains { $0["toolResult"] != nil }
    }
}
