import Simulator
import Testing

@Suite("non-streaming responses and simple routes")
struct NonStreamingTests {
    @Test("a non-streamed chat returns one chat.completion with message, finish_reason and usage")
    func chatCompletion() async throws {
        try await withServer { server in
            let body = #"{"model":"x","messages":[{"role":"user","content":[{"type":"text","text":"four words of prompt"}]}],"max_tokens":7,"ignore_eos":true}"#
            let response = try await TestHTTPClient.post(port: server.port, "/v1/chat/completions", body)
            #expect(response.status == 200)
            #expect(response.header("content-type") == "application/json")
            #expect(response.header("content-length") == String(response.body.count))
            let json = response.json
            #expect(json?["object"] as? String == "chat.completion")
            #expect(json?["model"] as? String == "x")
            let choice = firstChoice(json)
            let message = choice?["message"] as? [String: Any]
            #expect(message?["role"] as? String == "assistant")
            let content = message?["content"] as? String ?? ""
            #expect(content.split(separator: " ").count == 7)
            #expect(choice?["finish_reason"] as? String == "length")
            let usage = json?["usage"] as? [String: Any]
            #expect(usage?["prompt_tokens"] as? Int == 4)
            #expect(usage?["completion_tokens"] as? Int == 7)
            #expect(usage?["total_tokens"] as? Int == 11)
        }
    }

    @Test("a non-streamed completion returns text_completion with text and usage")
    func completion() async throws {
        try await withServer({ $0.defaultMaxTokens = 4; $0.eosProbability = 0 }) { server in
            let response = try await TestHTTPClient.post(port: server.port, "/v1/completions", #"{"prompt":"a b c"}"#)
            #expect(response.status == 200)
            let json = response.json
            #expect(json?["object"] as? String == "text_completion")
            #expect((firstChoice(json)?["text"] as? String)?.split(separator: " ").count == 4)
            #expect((json?["usage"] as? [String: Any])?["completion_tokens"] as? Int == 4)
        }
    }

    @Test("/v1/models lists the profile's model and /health answers 200")
    func modelsAndHealth() async throws {
        try await withServer({ $0.modelName = "tiny-llm" }) { server in
            #expect(server.baseURL == "http://127.0.0.1:\(server.port)/v1")
            #expect(server.rootURL == "http://127.0.0.1:\(server.port)")
            let models = try await TestHTTPClient.send(port: server.port, .init(method: "GET", path: "/v1/models"))
            #expect(models.status == 200)
            #expect(models.json?["object"] as? String == "list")
            let entry = (models.json?["data"] as? [[String: Any]])?.first
            #expect(entry?["id"] as? String == "tiny-llm")
            #expect(entry?["object"] as? String == "model")
            #expect(entry?["owned_by"] as? String == "repat-simulator")
            let health = try await TestHTTPClient.send(port: server.port, .init(method: "GET", path: "/health"))
            #expect(health.status == 200)
            #expect(health.isComplete)
        }
    }

    @Test("shutdown cuts in-flight streams and refuses new connections")
    func shutdownCutsStreams() async throws {
        var profile = EngineProfile()
        profile.decodeBaseMs = 5
        let server = try await SimulatorServer.start(profile: profile, threads: 1)
        let port = server.port
        async let stream = TestHTTPClient.post(
            port: port, "/v1/completions", #"{"prompt":"a","max_tokens":2000,"ignore_eos":true,"stream":true}"#)
        // Generation takes 10 s; half a second leaves room for the first tokens even on a busy
        // machine, and the stream is still far from done when the server shuts down.
        try await Task.sleep(for: .milliseconds(500))
        try await server.shutdown()
        let cut = try await stream
        #expect(cut.status == 200)
        #expect(!cut.isComplete)
        #expect(!cut.tokenEvents.isEmpty)
        await #expect(throws: (any Error).self) {
            _ = try await TestHTTPClient.post(port: port, "/v1/completions", #"{"prompt":"a"}"#)
        }
    }

    @Test("shutdown is idempotent")
    func shutdownTwice() async throws {
        let server = try await SimulatorServer.start(threads: 1)
        try await server.shutdown()
        try await server.shutdown()
    }
}
