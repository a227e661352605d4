import CurlTransport
import Dialects
import Testing
import Workload

/// Tools in each dialect's request: the offered functions, the tool choice, and an agent's
/// earlier call and its result in the conversation, byte for byte.
@Suite("tool requests in every tool dialect")
struct ToolRequestTests {
    static let weather = ToolFunction(
        name: "get_weather", description: "Weather in a city",
        parametersJSON: #"{"properties":{"city":{"type":"string"}},"required":["city"],"type":"object"}"#,
        parameters: try! JSONSchemaCheck(["type": "object", "required": ["city"], "properties": ["city": ["type": "string"]]] as [String: Any]))

    /// A user question, the model's call, the tool's result.
    static let agentPrompt = PromptItem(
        index: 0,
        messages: [
            ChatMessage(role: "user", content: "Umbrella in Lyon?"),
            ChatMessage(role: "assistant", content: "", toolCalls: [ToolCall(id: "call_1", name: "get_weather", argumentsJSON: #"{"city":"Lyon"}"#)]),
            ChatMessage(role: "tool", content: #"{"rain":true}"#, toolCallID: "call_1", toolName: "get_weather"),
        ],
        maxTokens: 32, tools: [weather], toolChoice: .function("get_weather"))

    private static let endpoint = Endpoint(baseURL: "http://127.0.0.1:1/v1", model: "m")

    private func body(_ dialect: any Dialect, _ prompt: PromptItem = agentPrompt) throws -> String {
        let request = try dialect.makeRequest(for: prompt, endpoint: Self.endpoint, parameters: GenerationParameters(stream: false))
        return String(decoding: request.body ?? [], as: UTF8.self)
    }

    @Test("OpenAI chat: tool_calls with string arguments, a tool message with tool_call_id, tools and tool_choice last")
    func openAI() throws {
        #expect(try body(OpenAIDialect.chat) == #"{"model":"m","messages":[{"role":"user","content":"Umbrella in Lyon?"},{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Lyon\"}"}}]},{"role":"tool","content":"{\"rain\":true}","tool_call_id":"call_1"}],"max_tokens":32,"stream":false,"tools":[{"type":"function","function":{"name":"get_weather","description":"Weather in a city","parameters":{"properties":{"city":{"type":"string"}},"required":["city"],"type":"object"}}}],"tool_choice":{"type":"function","function":{"name":"get_weather"}}}"#)
        #expect(try body(AzureOpenAIDialect.chat) == body(OpenAIDialect.chat))
    }

    @Test("Anthropic: tool_use and tool_result blocks, tools with input_schema, tool_choice type tool")
    func anthropic() throws {
        #expect(try body(AnthropicDialect()) == #"{"model":"m","max_tokens":32,"messages":[{"role":"user","content":"Umbrella in Lyon?"},{"role":"assistant","content":[{"type":"tool_use","id":"call_1","name":"get_weather","input":{"city":"Lyon"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":"{\"rain\":true}"}]}],"stream":false,"tools":[{"name":"get_weather","description":"Weather in a city","input_schema":{"properties":{"city":{"type":"string"}},"required":["city"],"type":"object"}}],"tool_choice":{"type":"tool","name":"get_weather"}}"#)
    }

    @Test("Gemini: functionCall and functionResponse parts, functionDeclarations, mode ANY with the allowed name")
    func gemini() throws {
        #expect(try body(GeminiDialect()) == #"{"contents":[{"role":"user","parts":[{"text":"Umbrella in Lyon?"}]},{"role":"model","parts":[{"functionCall":{"name":"get_weather","args":{"city":"Lyon"}}}]},{"role":"user","parts":[{"functionResponse":{"name":"get_weather","response":{"rain":true}}}]}],"generationConfig":{"maxOutputTokens":32},"tools":[{"functionDeclarations":[{"name":"get_weather","description":"Weather in a city","parameters":{"properties":{"city":{"type":"string"}},"required":["city"],"type":"object"}}]}],"toolConfig":{"functionCallingConfig":{"mode":"ANY","allowedFunctionNames":["get_weather"]}}}"#)
    }

    @Test("Bedrock: toolUse and toolResult blocks, toolConfig with toolSpec and toolChoice tool")
    func bedrock() throws {
        #expect(try body(BedrockDialect()) == #"{"messages":[{"role":"user","content":[{"text":"Umbrella in Lyon?"}]},{"role":"assistant","content":[{"toolUse":{"toolUseId":"call_1","name":"get_weather","input":{"city":"Lyon"}}}]},{"role":"user","content":[{"toolResult":{"toolUseId":"call_1","content":[{"json":{"rain":true}}]}}]}],"inferenceConfig":{"maxTokens":32},"toolConfig":{"tools":[{"toolSpec":{"name":"get_weather","description":"Weather in a city","inputSchema":{"json":{"properties":{"city":{"type":"string"}},"required":["city"],"type":"object"}}}}],"toolChoice":{"tool":{"name":"get_weather"}}}}"#)
    }

    @Test("Ollama: tool_calls with object arguments, a tool message with tool_name, OpenAI-shaped tools")
    func ollama() throws {
        #expect(try body(OllamaDialect.chat) == #"{"model":"m","messages":[{"role":"user","content":"Umbrella in Lyon?"},{"role":"assistant","content":"","tool_calls":[{"function":{"name":"get_weather","arguments":{"city":"Lyon"}}}]},{"role":"tool","content":"{\"rain\":true}","tool_name":"get_weather"}],"stream":false,"options":{"num_predict":32},"tools":[{"type":"function","function":{"name":"get_weather","description":"Weather in a city","parameters":{"properties":{"city":{"type":"string"}},"required":["city"],"type":"object"}}}]}"#)
    }

    @Test("the choices in each API's words; a text result is wrapped where results are objects")
    func choices() throws {
        var prompt = Self.agentPrompt
        prompt.messages[2].content = "light rain"
        prompt.toolChoice = .required
        #expect(try body(OpenAIDialect.chat, prompt).hasSuffix(#""tool_choice":"required"}"#))
        #expect(try body(AnthropicDialect(), prompt).hasSuffix(#""tool_choice":{"type":"any"}}"#))
        #expect(try body(GeminiDialect(), prompt).contains(#""response":{"result":"light rain"}"#))
        #expect(try body(GeminiDialect(), prompt).hasSuffix(#""functionCallingConfig":{"mode":"ANY"}}}"#))
        #expect(try body(BedrockDialect(), prompt).contains(#""content":[{"text":"light rain"}]"#))
        #expect(try body(BedrockDialect(), prompt).hasSuffix(#""toolChoice":{"any":{}}}}"#))
        prompt.toolChoice = ToolChoice.none
        #expect(try body(AnthropicDialect(), prompt).hasSuffix(#""tool_choice":{"type":"none"}}"#))
        #expect(try body(GeminiDialect(), prompt).hasSuffix(#""functionCallingConfig":{"mode":"NONE"}}}"#))
        #expect(try !body(BedrockDialect(), prompt).contains("toolChoice"), "Converse has no none: tools without a choice")
        #expect(try !body(OllamaDialect.chat, prompt).contains(#""tools""#), "Ollama has no choice: none sends no tools")
        prompt.toolChoice = .auto
        #expect(try body(OpenAIDialect.chat, prompt).hasSuffix(#""tool_choice":"auto"}"#))
    }

    @Test("only chat APIs take tools; a prompt without tools is sent as before")
    func acceptance() throws {
        #expect(OpenAIDialect.chat.acceptsTools && !OpenAIDialect.completions.acceptsTools)
        #expect(OllamaDialect.chat.acceptsTools && !OllamaDialect.generate.acceptsTools)
        #expect(AzureOpenAIDialect.chat.acceptsTools && !AzureOpenAIDialect.completions.acceptsTools)
        #expect(AnthropicDialect().acceptsTools && GeminiDialect().acceptsTools && BedrockDialect().acceptsTools)
        let plain = PromptItem(index: 0, messages: [ChatMessage(role: "user", content: "hi")], maxTokens: 4)
        #expect(try body(OpenAIDialect.completions, plain) == #"{"model":"m","prompt":"hi","max_tokens":4,"stream":false}"#)
        #expect(try !body(GeminiDialect(), plain).contains("tool"))
    }
}
