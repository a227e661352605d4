import Foundation
import Simulator
import Testing

@Suite("Gemini's API over loopback")
struct GeminiTests {
    private static let body =
        #"{"systemInstruction":{"parts":[{"text":"be brief"}]},"contents":[{"role":"user","parts":[{"text":"one two three"}]}],"#
        + #""generationConfig":{"maxOutputTokens":4,"seed":3}}"#

    @Test("streamGenerateContent?alt=sse sends CRLF-framed chunks with running usageMetadata, finishReason on the last")
    func stream() async throws {
        try await withServer({ $0.eosProbability = 0 }) { server in
            let response = try await TestHTTPClient.post(
                port: server.port, "/v1beta/models/gemini-sim:streamGenerateContent?alt=sse", Self.body)
            #expect(response.status == 200)
            #expect(response.header("content-type") == "text/event-stream")
            #expect(response.text.contains("\r\n\r\n"))
            let chunks = response.serverSentEvents.map { jsonObject($0.data) }
            #expect(chunks.count == 4)  // no [DONE]
            for (index, chunk) in chunks.enumerated() {
                let candidate = (chunk?["candidates"] as? [[String: Any]])?.first
                let content = candidate?["content"] as? [String: Any]
                #expect(content?["role"] as? String == "model")
                let part = (content?["parts"] as? [[String: Any]])?.first
                #expect((part?["text"] as? String)?.hasPrefix(" ") == true)
                #expect(candidate?["finishReason"] as? String == (index == 3 ? "MAX_TOKENS" : nil))
                let usage = chunk?["usageMetadata"] as? [String: Any]
                #expect(usage?["promptTokenCount"] as? Int == 5)
                #expect(usage?["candidatesTokenCount"] as? Int == index + 1)
                #expect(usage?["totalTokenCount"] as? Int == index + 6)
                #expect(chunk?["modelVersion"] as? String == "gemini-sim")
            }
        }
    }

    @Test("generateContent answers one response; snake_case fields are accepted; EOS finishes with STOP")
    func whole() async throws {
        try await withServer({ $0.eosProbability = 1 }) { server in
            let body = #"{"system_instruction":{"parts":[{"text":"x"}]},"contents":[{"parts":[{"text":"a b"}]}],"generation_config":{"max_output_tokens":9}}"#
            let response = try await TestHTTPClient.post(port: server.port, "/v1beta/models/g:generateContent", body)
            #expect(response.status == 200)
            let candidate = (response.json?["candidates"] as? [[String: Any]])?.first
            #expect(candidate?["finishReason"] as? String == "STOP")
            let usage = response.json?["usageMetadata"] as? [String: Any]
            #expect(usage?["promptTokenCount"] as? Int == 3)
            #expect(usage?["candidatesTokenCount"] as? Int == 1)
        }
    }

    @Test("errors use Google's shape: INVALID_ARGUMENT, RESOURCE_EXHAUSTED with RetryInfo, UNAVAILABLE, INTERNAL")
    func errors() async throws {
        try await withServer { server in
            let response = try await TestHTTPClient.post(port: server.port, "/v1beta/models/g:generateContent", "{}")
            #expect(response.status == 400)
            #expect(response.errorObject?["status"] as? String == "INVALID_ARGUMENT")
            #expect(response.errorObject?["code"] as? Int == 400)
            let noSSE = try await TestHTTPClient.post(port: server.port, "/v1beta/models/g:streamGenerateContent", Self.body)
            #expect(noSSE.status == 400)
            #expect((noSSE.errorObject?["message"] as? String)?.contains("alt=sse") == true)
        }
        let cases: [((inout EngineProfile) -> Void, Int, String)] = [
            ({ $0.faults.rateLimitRate = 1; $0.faults.retryAfterSeconds = 7 }, 429, "RESOURCE_EXHAUSTED"),
            ({ $0.faults.unavailableRate = 1 }, 503, "UNAVAILABLE"),
            ({ $0.errorRate = 1 }, 500, "INTERNAL"),
        ]
        for (configure, status, name) in cases {
            try await withServer(configure) { server in
                let response = try await TestHTTPClient.post(
                    port: server.port, "/v1beta/models/g:streamGenerateContent?alt=sse", Self.body)
                #expect(response.status == status)
                #expect(response.errorObject?["status"] as? String == name)
                if status == 429 {
                    let detail = (response.errorObject?["details"] as? [[String: Any]])?.first
                    #expect(detail?["retryDelay"] as? String == "7s")
                }
            }
        }
    }

    @Test("a stream error is an {\"error\":…} chunk in the 200 stream after N chunks")
    func streamError() async throws {
        try await withServer({ $0.eosProbability = 0; $0.faults.streamErrorRate = 1; $0.faults.streamErrorAfterTokens = 1 }) {
            server in
            let response = try await TestHTTPClient.post(
                port: server.port, "/v1beta/models/g:streamGenerateContent?alt=sse", Self.body)
            #expect(response.status == 200)
            let chunks = response.serverSentEvents.map { jsonObject($0.data) }
            #expect(chunks.count == 2)
            let error = chunks.last??["error"] as? [String: Any]
            #expect(error?["status"] as? String == "INTERNAL")
            #expect(error?["code"] as? Int == 500)
        }
    }

    @Test("GET /v1beta/models lists models/<name>")
    func models() async throws {
        try await withServer({ $0.modelName = "gemini-sim" }) { server in
            let response = try await TestHTTPClient.send(port: server.port, .init(method: "GET", path: "/v1beta/models"))
            let model = (response.json?["models"] as? [[String: Any]])?.first
            #expect(model?["name"] as? String == "models/gemini-sim")
            #expect((model?["supportedGenerationMethods"] as? [String])?.contains("generateContent") == true)
        }
    }
}
