import CurlTransport
import Dialects
import Foundation
import Testing
import Workload

/// How each dialect sends an item's output schema, and which refuse one.
@Suite("structured output requests")
struct StructuredOutputRequestTests {
    private static let schemaJSON = #"{"additionalProperties":false,"properties":{"age":{"type":"integer"},"mood":{"enum":["calm","busy"],"type":"string"},"tags":{"items":{"type":"string"},"type":"array"}},"required":["age","mood"],"type":"object"}"#

    private func item() throws -> PromptItem {
        let schema = try JSONSchemaCheck(try JSONSerialization.jsonObject(with: Data(Self.schemaJSON.utf8)))
        return PromptItem(
            index: 0, messages: [ChatMessage(role: "user", content: "Extract")], maxTokens: 16,
            outputSchema: OutputSchema(name: "person", schemaJSON: Self.schemaJSON, schema: schema))
    }

    private func body(_ dialect: any Dialect, stream: Bool = false) throws -> String {
        let endpoint = Endpoint(baseURL: "http://127.0.0.1:1/v1", model: "m")
        let request = try dialect.makeRequest(for: try item(), endpoint: endpoint, parameters: GenerationParameters(stream: stream))
        return String(decoding: request.body ?? [], as: UTF8.self)
    }

    @Test("OpenAI and Azure chat: response_format json_schema with name, schema and strict, last")
    func openAI() throws {
        let format = #""response_format":{"type":"json_schema","json_schema":{"name":"person","schema":\#(Self.schemaJSON),"strict":true}}}"#
        #expect(try body(OpenAIDialect.chat) == #"{"model":"m","messages":[{"role":"user","content":"Extract"}],"max_tokens":16,"stream":false,"# + format)
        #expect(try body(AzureOpenAIDialect.chat).hasSuffix(format))
    }

    @Test("Ollama: format is the schema itself, on both APIs")
    func ollama() throws {
        #expect(try body(OllamaDialect.chat) == #"{"model":"m","messages":[{"role":"user","content":"Extract"}],"stream":false,"format":\#(Self.schemaJSON),"options":{"num_predict":16}}"#)
        #expect(try body(OllamaDialect.generate).contains(#""format":\#(Self.schemaJSON)"#))
    }

    @Test("Gemini: responseMimeType and responseSchema in its schema dialect (upper-case types, no additionalProperties)")
    func gemini() throws {
        let translated = #"{"properties":{"age":{"type":"INTEGER"},"mood":{"enum":["calm","busy"],"type":"STRING"},"tags":{"items":{"type":"STRING"},"type":"ARRAY"}},"required":["age","mood"],"type":"OBJECT"}"#
        #expect(try body(GeminiDialect.gemini).hasSuffix(#""generationConfig":{"maxOutputTokens":16,"responseMimeType":"application/json","responseSchema":\#(translated)}}"#))
    }

    @Test("the dialects with a schema parameter say so; Anthropic, Bedrock and the completions APIs do not")
    func whoAccepts() {
        let accepting = DialectRegistry.all.filter(\.acceptsOutputSchema).map(\.id)
        #expect(accepting == ["openai-chat", "openai-responses", "ollama-chat", "ollama-generate", "gemini", "azure-openai-chat"])
    }

    @Test("an item without a schema sends no schema member")
    func noSchema() throws {
        var plain = try item()
        plain.outputSchema = nil
        let endpoint = Endpoint(baseURL: "http://127.0.0.1:1/v1", model: "m")
        for dialect in DialectRegistry.all where dialect.acceptsOutputSchema {
            let request = try dialect.makeRequest(for: plain, endpoint: endpoint, parameters: GenerationParameters())
            let text = String(decoding: request.body ?? [], as: UTF8.self)
            #expect(!text.contains("schema") && !text.contains("\"format\""), "\(dialect.id)")
        }
    }
}
