import CurlTransport
import Dialects
import Foundation
import Testing
import Workload

@Suite("Responses API request building")
struct ResponsesRequestTests {
    private let prompt = PromptItem(
        index: 0,
        messages: [
            ChatMessage(role: "system", content: "Be brief."),
            ChatMessage(role: "user", content: "Say \"hi\"\n"),
            ChatMessage(role: "assistant", content: "hi"),
            ChatMessage(role: "user", content: "Again é"),
        ],
        maxTokens: 64
    )
    private let endpoint = Endpoint(baseURL: "https://api.openai.com/v1", model: "gpt-5-mini", apiKey: "sk-test")

    private func body(_ request: HTTPRequest) -> String {
        String(decoding: request.body ?? [], as: UTF8.self)
    }

    @Test("the body is exact, in fixed key order: system as instructions, the rest as input, store false; no seed or length controls")
    func body() throws {
        let parameters = GenerationParameters(temperature: 0.7, topP: 0.9, seed: 42, ignoreEOS: true, minTokens: 64)
        let request = try ResponsesDialect.responses.makeRequest(for: prompt, endpoint: endpoint, parameters: parameters)
        let expected = #"{"model":"gpt-5-mini","instructions":"Be brief.","input":[{"role":"user","content":"Say \"hi\"\n"},{"role":"assistant","content":"hi"},{"role":"user","content":"Again é"}],"max_output_tokens":64,"stream":true,"store":false,"temperature":0.7,"top_p":0.9}"#
        #expect(body(request) == expected)
        #expect(request.method == "POST")
        #expect(request.url == "https://api.openai.com/v1/responses")
        #expect(request.headers == [
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("Accept", "text/event-stream"),
            HTTPHeader("Authorization", "Bearer sk-test"),
        ])
        let again = try ResponsesDialect.responses.makeRequest(for: prompt, endpoint: endpoint, parameters: parameters)
        #expect(again.body == request.body)
    }

    @Test("tools in the Responses shape, a named tool_choice, and an output schema as text.format")
    func toolsAndSchema() throws {
        let parameters = #"{"properties":{"city":{"type":"string"}},"required":["city"],"type":"object"}"#
        let schema = #"{"properties":{"name":{"type":"string"}},"required":["name"],"type":"object"}"#
        var item = PromptItem(index: 1, messages: [ChatMessage(role: "user", content: "Hello")], maxTokens: 32)
        item.tools = [ToolFunction(name: "get_weather", description: "Weather now", parametersJSON: parameters, parameters: try check(parameters))]
        item.toolChoice = .function("get_weather")
        item.outputSchema = OutputSchema(name: "person", schemaJSON: schema, schema: try check(schema))
        let request = try ResponsesDialect.responses.makeRequest(for: item, endpoint: endpoint, parameters: GenerationParameters(stream: false))
        let expected = #"{"model":"gpt-5-mini","input":[{"role":"user","content":"Hello"}],"max_output_tokens":32,"stream":false,"store":false,"#
            + #""tools":[{"type":"function","name":"get_weather","description":"Weather now","parameters":\#(parameters)}],"#
            + #""tool_choice":{"type":"function","name":"get_weather"},"#
            + #""text":{"format":{"type":"json_schema","name":"person","schema":\#(schema),"strict":true}}}"#
        #expect(body(request) == expected)
        #expect((try? JSONSerialization.jsonObject(with: Data(request.body ?? []))) != nil)
    }

    @Test("the dialect is listed, lists models at /models, takes output schemas, and mounts under /v1")
    func registry() throws {
        let dialect = try #require(DialectRegistry.named("openai-responses"))
        #expect(dialect.acceptsOutputSchema)
        #expect(dialect.defaultBasePath == "/v1")
        let list = try #require(try dialect.modelListRequest(endpoint: endpoint))
        #expect(list.url == "https://api.openai.com/v1/models")
        #expect(dialect.modelIDs(fromListBody: Array(#"{"object":"list","data":[{"id":"gpt-5-mini","object":"model"}]}"#.utf8)) == ["gpt-5-mini"])
    }

    private func check(_ json: String) throws -> JSONSchemaCheck {
        try JSONSchemaCheck(try JSONSerialization.jsonObject(with: Data(json.utf8)))
    }
}
