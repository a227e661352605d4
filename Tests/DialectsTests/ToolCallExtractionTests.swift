import Dialects
import Foundation
import Testing
import Workload

/// Tool calls read back from kept response bodies, written from each provider's documented
/// shapes: streamed with the arguments split at every position, and whole.
@Suite("tool-call extraction in every tool dialect")
struct ToolCallExtractionTests {
    static let arguments = #"{"city":"Lyon","unit":"celsius"}"#

    /// JSON text of `text` as a string literal.
    private static func quoted(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast().description
    }

    /// Every way of cutting the arguments in two pieces (the empty cuts included).
    private static var splits: [(String, String)] {
        (0...arguments.count).map { cut in
            (String(arguments.prefix(cut)), String(arguments.dropFirst(cut)))
        }
    }

    private static let expected = [ToolCall(id: "call_9", name: "get_weather", argumentsJSON: arguments)]

    @Test("OpenAI chat: deltas gathered by index, the id and name from the first piece")
    func openAIStreamed() {
        for (first, second) in Self.splits {
            let body = Fixtures.stream([
                #"{"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":null},"finish_reason":null}]}"#,
                #"{"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_9","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}"#,
                #"{"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"# + Self.quoted(first) + #"}}]},"finish_reason":null}]}"#,
                #"{"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"# + Self.quoted(second) + #"}}]},"finish_reason":"tool_calls"}]}"#,
                "[DONE]",
            ])
            #expect(OpenAIDialect.chat.toolCalls(of: body, streaming: true) == Self.expected, "cut after \(first.count)")
        }
    }

    @Test("OpenAI chat: two parallel calls interleaved by index, and a whole body")
    func openAIWholeAndParallel() {
        let body = Fixtures.stream([
            #"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"a","function":{"name":"f","arguments":"{\"x\""}},{"index":1,"id":"b","function":{"name":"g","arguments":"{"}}]}}]}"#,
            #"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"}"}},{"index":0,"function":{"arguments":":1}"}}]}}]}"#,
        ])
        #expect(OpenAIDialect.chat.toolCalls(of: body, streaming: true) == [
            ToolCall(id: "a", name: "f", argumentsJSON: #"{"x":1}"#), ToolCall(id: "b", name: "g", argumentsJSON: "{}"),
        ])
        let whole = Array((#"{"id":"c","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_9","type":"function","function":{"name":"get_weather","arguments":"# + Self.quoted(Self.arguments) + #"}}]},"finish_reason":"tool_calls"}]}"#).utf8)
        #expect(OpenAIDialect.chat.toolCalls(of: whole, streaming: false) == Self.expected)
        #expect(AzureOpenAIDialect.chat.toolCalls(of: whole, streaming: false) == Self.expected)
        #expect(OpenAIDialect.chat.toolCalls(of: Array(#"{"choices":[{"index":0,"message":{"content":"hi"}}]}"#.utf8), streaming: false) == [])
    }

    @Test("Anthropic: a tool_use block filled by input_json_delta pieces; text blocks ignored; a whole body's input")
    func anthropic() {
        for (first, second) in Self.splits {
            let events = [
                #"{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[]}}"#,
                #"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#,
                #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Checking."}}"#,
                #"{"type":"content_block_stop","index":0}"#,
                #"{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"call_9","name":"get_weather","input":{}}}"#,
                #"{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"# + Self.quoted(first) + "}}",
                #"{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"# + Self.quoted(second) + "}}",
                #"{"type":"content_block_stop","index":1}"#,
                #"{"type":"message_delta","delta":{"stop_reason":"tool_use"}}"#,
            ]
            let body = Array(events.map { "event: x\ndata: \($0)\n\n" }.joined().utf8)
            #expect(AnthropicDialect().toolCalls(of: body, streaming: true) == Self.expected, "cut after \(first.count)")
        }
        let whole = Array((#"{"id":"msg_1","type":"message","content":[{"type":"text","text":"Checking."},{"type":"tool_use","id":"call_9","name":"get_weather","input":{"unit":"celsius","city":"Lyon"}}],"stop_reason":"tool_use"}"#).utf8)
        #expect(AnthropicDialect().toolCalls(of: whole, streaming: false) == Self.expected, "input written back with sorted keys")
    }

    @Test("Gemini: functionCall parts streamed or whole, args as an object; no id gives call_<n>")
    func gemini() {
        let chunk = #"{"candidates":[{"content":{"parts":[{"functionCall":{"name":"get_weather","args":{"city":"Lyon","unit":"celsius"}}}],"role":"model"},"finishReason":"STOP"}]}"#
        let expected = [ToolCall(id: "call_0", name: "get_weather", argumentsJSON: Self.arguments)]
        #expect(GeminiDialect().toolCalls(of: Fixtures.stream([#"{"candidates":[{"content":{"parts":[{"text":"ok"}]}}]}"#, chunk]), streaming: true) == expected)
        #expect(GeminiDialect().toolCalls(of: Array(chunk.utf8), streaming: false) == expected)
    }

    @Test("Bedrock: a toolUse block start and its input deltas, its arguments split anywhere; a whole body")
    func bedrock() {
        for (first, second) in Self.splits {
            let body = bedrockEvent("messageStart", #"{"role":"assistant"}"#)
                + bedrockEvent("contentBlockDelta", #"{"contentBlockIndex":0,"delta":{"text":"Let me check."}}"#)
                + bedrockEvent("contentBlockStart", #"{"contentBlockIndex":1,"start":{"toolUse":{"toolUseId":"call_9","name":"get_weather"}}}"#)
                + bedrockEvent("contentBlockDelta", #"{"contentBlockIndex":1,"delta":{"toolUse":{"input":"# + Self.quoted(first) + "}}}")
                + bedrockEvent("contentBlockDelta", #"{"contentBlockIndex":1,"delta":{"toolUse":{"input":"# + Self.quoted(second) + "}}}")
                + bedrockEvent("contentBlockStop", #"{"contentBlockIndex":1}"#)
                + bedrockEvent("messageStop", #"{"stopReason":"tool_use"}"#)
            #expect(BedrockDialect().toolCalls(of: body, streaming: true) == Self.expected, "cut after \(first.count)")
        }
        let whole = Array((#"{"output":{"message":{"role":"assistant","content":[{"toolUse":{"toolUseId":"call_9","name":"get_weather","input":{"city":"Lyon","unit":"celsius"}}}]}},"stopReason":"tool_use"}"#).utf8)
        #expect(BedrockDialect().toolCalls(of: whole, streaming: false) == Self.expected)
    }

    @Test("Ollama: message.tool_calls on a streamed line or in the body, arguments as an object")
    func ollama() {
        let line = #"{"model":"m","message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"get_weather","arguments":{"unit":"celsius","city":"Lyon"}}}]},"done":false}"#
        let body = Array((line + "\n" + #"{"model":"m","message":{"role":"assistant","content":""},"done":true}"# + "\n").utf8)
        let expected = [ToolCall(id: "call_0", name: "get_weather", argumentsJSON: Self.arguments)]
        #expect(OllamaDialect.chat.toolCalls(of: body, streaming: true) == expected)
        #expect(OllamaDialect.chat.toolCalls(of: Array(line.utf8), streaming: false) == expected)
    }
}
