import Workload

extension GeminiDialect {
    /// The Gemini API takes function declarations.
    public var acceptsTools: Bool { true }

    /// The non-system messages as `contents`: plain ones `{role: user|model, parts: [{text}]}`;
    /// an assistant's calls as `functionCall {name, args}` parts (after a text part when it said
    /// something); each run of tool results as one user content of `functionResponse {name,
    /// response}` parts, a result that is not a JSON object wrapped as `{"result": …}`.
    static func contents(_ messages: [ChatMessage]) -> [JSONObjectWriter] {
        messages.filter { $0.role != "system" }.groupingToolResults.map { group in
            let message = group[0]
            var content = JSONObjectWriter()
            content.add("role", message.role == "assistant" ? "model" : "user")
            var parts: [JSONObjectWriter] = []
            if message.role == "tool" {
                for result in group {
                    var response = JSONObjectWriter()
                    response.add("name", result.toolName ?? "")
                    response.add("response", json: result.resultObjectJSON)
                    var part = JSONObjectWriter()
                    part.add("functionResponse", response)
                    parts.append(part)
                }
            } else {
                if !message.content.isEmpty || message.toolCalls.isEmpty {
                    var part = JSONObjectWriter()
                    part.add("text", message.content)
                    parts.append(part)
                }
                for call in message.toolCalls {
                    var function = JSONObjectWriter()
                    function.add("name", call.name)
                    function.add("args", json: call.argumentsObjectJSON)
                    var part = JSONObjectWriter()
                    part.add("functionCall", function)
                    parts.append(part)
                }
            }
            content.add("parts", parts)
            return content
        }
    }

    /// Adds `tools` (`[{functionDeclarations: [{name, description, parameters}]}]`) and
    /// `toolConfig.functionCallingConfig` (`mode` AUTO, NONE or ANY; a named function as ANY with
    /// `allowedFunctionNames`) when the prompt offers tools.
    static func addTools(for prompt: PromptItem, to json: inout JSONObjectWriter) {
        guard !prompt.tools.isEmpty else { return }
        var declarations = JSONObjectWriter()
        declarations.add("functionDeclarations", prompt.tools.map { tool in
            var object = JSONObjectWriter()
            object.add("name", tool.name)
            if !tool.description.isEmpty { object.add("description", tool.description) }
            object.add("parameters", json: tool.parametersJSON)
            return object
        })
        json.add("tools", [declarations])
        guard let choice = prompt.toolChoice else { return }
        var calling = JSONObjectWriter()
        switch choice {
        case .auto: calling.add("mode", "AUTO")
        case .none: calling.add("mode", "NONE")
        case .required: calling.add("mode", "ANY")
        case .function(let name):
            calling.add("mode", "ANY")
            calling.add("allowedFunctionNames", [name])
        }
        var config = JSONObjectWriter()
        config.add("functionCallingConfig", calling)
        json.add("toolConfig", config)
    }

    /// The first candidate's `functionCall` parts of every chunk (or of the body), in order:
    /// Gemini sends each call whole, `args` as an object (written back as compact JSON with sorted
    /// keys), with an `id` only on some models.
    public func toolCalls(of body: [UInt8], streaming: Bool) -> [ToolCall]? {
        let chunks = streaming ? ResponseText.eventObjects(body) : ResponseText.object(body).map { [$0] } ?? []
        var calls = ToolCallAccumulator()
        for chunk in chunks {
            guard let candidate = (chunk["candidates"] as? [[String: Any]])?.first,
                  let parts = (candidate["content"] as? [String: Any])?["parts"] as? [[String: Any]]
            else { continue }
            for part in parts {
                guard let call = part["functionCall"] as? [String: Any] else { continue }
                calls.add(id: call["id"] as? String, name: call["name"] as? String ?? "", argumentsJSON: ToolCallAccumulator.jsonText(call["args"]))
            }
        }
        return calls.result
    }
}
