import Simulator
import Testing

@Suite("Azure OpenAI's deployment routes over loopback")
struct AzureTests {
    private static let chat = #"{"messages":[{"role":"user","content":"hi there"}],"max_tokens":3,"ignore_eos":true,"stream":true}"#

    @Test("a deployment's chat/completions with api-version streams OpenAI chunks naming the deployment")
    func chat() async throws {
        try await withServer { server in
            let response = try await TestHTTPClient.post(
                port: server.port, "/openai/deployments/gpt-sim/chat/completions?api-version=2024-10-21", Self.chat)
            #expect(response.status == 200)
            #expect(response.tokenEvents.count == 3)
            #expect(response.tokenEvents.first?.json?["model"] as? String == "gpt-sim")
            #expect(response.events.last?.data == "[DONE]")
            let completion = try await TestHTTPClient.post(
                port: server.port, "/openai/deployments/gpt-sim/completions?api-version=2024-10-21",
                #"{"prompt":"a b","max_tokens":2}"#)
            #expect(completion.json?["object"] as? String == "text_completion")
        }
    }

    @Test("without api-version Azure answers 404 Resource not found in its own error shape")
    func missingAPIVersion() async throws {
        try await withServer { server in
            let response = try await TestHTTPClient.post(
                port: server.port, "/openai/deployments/gpt-sim/chat/completions", Self.chat)
            #expect(response.status == 404)
            #expect(response.errorObject?["code"] as? String == "404")
            #expect(response.errorObject?["message"] as? String == "Resource not found")
        }
    }

    @Test("a rate limit is 429 with a string code and Retry-After; a bad body is OpenAI's 400")
    func errors() async throws {
        try await withServer({ $0.faults.rateLimitRate = 1; $0.faults.retryAfterSeconds = 4 }) { server in
            let response = try await TestHTTPClient.post(
                port: server.port, "/openai/deployments/d/chat/completions?api-version=2024-10-21", Self.chat)
            #expect(response.status == 429)
            #expect(response.errorObject?["code"] as? String == "429")
            #expect(response.header("retry-after") == "4")
        }
        try await withServer { server in
            let response = try await TestHTTPClient.post(
                port: server.port, "/openai/deployments/d/chat/completions?api-version=2024-10-21", "{}")
            #expect(response.status == 400)
            #expect(response.errorObject?["type"] as? String == "invalid_request_error")
            #expect(response.errorObject?["param"] as? String == "messages")
        }
    }
}
