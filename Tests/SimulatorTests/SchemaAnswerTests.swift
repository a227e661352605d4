import Foundation
import Testing

@testable import Simulator

/// Structured-output requests in every dialect that has them: the answer is an instance of the
/// requested schema, streamed as several tokens, or invalid JSON at `schema_invalid_rate`.
@Suite("schema answers")
struct SchemaAnswerTests {
    private static let schema = #"{"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"},"mood":{"enum":["calm","busy"]},"tags":{"type":"array","items":{"type":"string"}}},"required":["age","mood","name"],"additionalProperties":false}"#
    private static let expected = #"{"age": 0, "mood": "calm", "name": ""}"#

    /// The answer text of a non-streamed response from each dialect's body shape.
    private static func answer(_ response: TestHTTPResponse) -> String? {
        guard let json = response.json else { return nil }
        if let message = firstChoice(json)?["message"] as? [String: Any] { return message["content"] as? String }
        if let message = json["message"] as? [String: Any] { return message["content"] as? String }
        if let candidate = (json["candidates"] as? [[String: Any]])?.first,
           let parts = (candidate["content"] as? [String: Any])?["parts"] as? [[String: Any]] {
            return parts.compactMap { $0["text"] as? String }.joined()
        }
        let items = json["output"] as? [[String: Any]] ?? []
        return items.flatMap { $0["content"] as? [[String: Any]] ?? [] }.compactMap { $0["text"] as? String }.joined()
    }

    private static let requests: [(path: String, body: String)] = [
        ("/v1/chat/completions", #"{"model":"m","messages":[{"role":"user","content":"x"}],"max_tokens":50,"response_format":{"type":"json_schema","json_schema":{"name":"p","schema":\#(schema),"strict":true}}}"#),
        ("/api/chat", #"{"model":"m","messages":[{"role":"user","content":"x"}],"stream":false,"format":\#(schema),"options":{"num_predict":50}}"#),
        ("/v1beta/models/m:generateContent", #"{"contents":[{"role":"user","parts":[{"text":"x"}]}],"generationConfig":{"maxOutputTokens":50,"responseMimeType":"application/json","responseSchema":{"type":"OBJECT","properties":{"name":{"type":"STRING"},"age":{"type":"INTEGER"},"mood":{"type":"STRING","enum":["calm","busy"]}},"required":["age","mood","name"]}}}"#),
        ("/v1/responses", #"{"model":"m","input":"x","max_output_tokens":50,"text":{"format":{"type":"json_schema","name":"p","schema":\#(schema),"strict":true}}}"#),
    ]

    @Test("OpenAI chat, Ollama, Gemini and the Responses API answer with the schema's instance")
    func everyDialect() async throws {
        try await withServer { server in
            for request in Self.requests {
                let response = try await TestHTTPClient.send(port: server.port, .init(path: request.path, body: request.body))
                #expect(response.status == 200, "\(request.path): \(response.text)")
                #expect(Self.answer(response) == Self.expected, "\(request.path)")
            }
        }
    }

    @Test("schema_invalid_rate 1: every answer is cut, so it is not JSON")
    func invalid() async throws {
        try await withServer({ $0.schemaInvalidRate = 1 }) { server in
            for request in Self.requests {
                let response = try await TestHTTPClient.send(port: server.port, .init(path: request.path, body: request.body))
                let text = try #require(Self.answer(response), "\(request.path)")
                #expect(text == String(Self.expected.dropLast()), "\(request.path)")
                #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) == nil)
            }
        }
    }

    @Test("the answer streams as several tokens that join to the instance")
    func streamed() async throws {
        try await withServer { server in
            let body = Self.requests[0].body.replacingOccurrences(of: #""max_tokens":50"#, with: #""max_tokens":50,"stream":true"#)
            let response = try await TestHTTPClient.send(port: server.port, .init(path: "/v1/chat/completions", body: body))
            let deltas = response.serverSentEvents.compactMap { jsonObject($0.data) }.compactMap { (firstChoice($0)?["delta"] as? [String: Any])?["content"] as? String }
            #expect(deltas.filter { !$0.isEmpty }.count == 6)
            #expect(deltas.joined() == Self.expected)
        }
    }

    @Test("a schema keyword the simulator cannot follow is refused 400, naming it")
    func unsupported() async throws {
        try await withServer { server in
            let body = #"{"model":"m","messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_schema","json_schema":{"name":"p","schema":{"type":"string","minLength":3}}}}"#
            let response = try await TestHTTPClient.send(port: server.port, .init(path: "/v1/chat/completions", body: body))
            #expect(response.status == 400)
            #expect((response.errorObject?["message"] as? String)?.contains("minLength") == true)
        }
    }

    @Test("the share of invalid answers follows schema_invalid_rate, the same seed alike")
    func share() throws {
        var profile = EngineProfile()
        profile.schemaInvalidRate = 0.25
        let schema = try RequestedSchema.find(in: Array(#"{"format":{"type":"boolean"}}"#.utf8), path: ["format"])
        let request = InferenceRequest(kind: .chat, promptTokens: 1, maxTokens: 8, stream: true, outputSchema: schema)
        let answers = (0..<2000).map { profile.answer(to: request, outputSeed: UInt64($0)) }
        let invalid = answers.filter { $0 == "fals" }.count
        #expect(answers.allSatisfy { $0 == "false" || $0 == "fals" })
        #expect((440...560).contains(invalid), "\(invalid) of 2000")
        #expect((0..<2000).map { profile.answer(to: request, outputSeed: UInt64($0)) } == answers)
    }
}
