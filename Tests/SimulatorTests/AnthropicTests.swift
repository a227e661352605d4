import Foundation
import Simulator
import Testing

@Suite("Anthropic's Messages API over loopback")
struct AnthropicTests {
    private static func body(maxTokens: Int = 5, stream: Bool = true) -> String {
        #"{"model":"claude-x","max_tokens":\#(maxTokens),"system":"be brief","stream":\#(stream),"#
            + #""messages":[{"role":"user","content":[{"type":"text","text":"one two three"}]}]}"#
    }

    private static func post(_ port: Int, _ body: String) async throws -> TestHTTPResponse {
        try await TestHTTPClient.send(
            port: port, .init(path: "/v1/messages", body: body, headers: ["anthropic-version: 2023-06-01"]))
    }

    @Test("a stream is message_start, content_block_start, ping, one text_delta per token, then stop events")
    func streamOrder() async throws {
        try await withServer({ $0.eosProbability = 0 }) { server in
            let response = try await Self.post(server.port, Self.body())
            #expect(response.status == 200)
            #expect(response.header("content-type") == "text/event-stream")
            let events = response.serverSentEvents
            #expect(events.map(\.name) == [
                "message_start", "content_block_start", "ping",
                "content_block_delta", "content_block_delta", "content_block_delta", "content_block_delta",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop",
            ])
            for event in events {
                #expect(jsonObject(event.data)?["type"] as? String == event.name)
            }
            let start = jsonObject(events[0].data)?["message"] as? [String: Any]
            #expect((start?["id"] as? String)?.hasPrefix("msg_") == true)
            #expect(start?["model"] as? String == "claude-x")
            #expect(start?["role"] as? String == "assistant")
            #expect((start?["usage"] as? [String: Any])?["input_tokens"] as? Int == 5)
            let delta = jsonObject(events[3].data)?["delta"] as? [String: Any]
            #expect(delta?["type"] as? String == "text_delta")
            #expect((delta?["text"] as? String)?.hasPrefix(" ") == true)
            let messageDelta = try #require(jsonObject(events[9].data))
            #expect((messageDelta["delta"] as? [String: Any])?["stop_reason"] as? String == "max_tokens")
            #expect((messageDelta["usage"] as? [String: Any])?["output_tokens"] as? Int == 5)
        }
    }

    @Test("an end-of-sequence stops with end_turn; without stream the answer is one message")
    func wholeMessage() async throws {
        try await withServer({ $0.eosProbability = 1 }) { server in
            let response = try await Self.post(server.port, Self.body(maxTokens: 50, stream: false))
            #expect(response.status == 200)
            let json = try #require(response.json)
            #expect(json["type"] as? String == "message")
            #expect(json["stop_reason"] as? String == "end_turn")
            let content = (json["content"] as? [[String: Any]])?.first
            #expect(content?["type"] as? String == "text")
            #expect((content?["text"] as? String)?.split(separator: " ").count == 1)
            let usage = json["usage"] as? [String: Any]
            #expect(usage?["input_tokens"] as? Int == 5)
            #expect(usage?["output_tokens"] as? Int == 1)
        }
    }

    @Test("a missing max_tokens is a 400 invalid_request_error in Anthropic's error shape")
    func missingMaxTokens() async throws {
        try await withServer { server in
            let response = try await Self.post(
                server.port, #"{"model":"claude-x","messages":[{"role":"user","content":"hi"}]}"#)
            #expect(response.status == 400)
            #expect(response.json?["type"] as? String == "error")
            #expect(response.errorObject?["type"] as? String == "invalid_request_error")
            #expect((response.errorObject?["message"] as? String)?.contains("max_tokens") == true)
        }
    }

    @Test("rejections: 429 rate_limit_error with Retry-After, 529 overloaded_error, 500 api_error")
    func rejections() async throws {
        let cases: [(String, (inout EngineProfile) -> Void, Int, String)] = [
            ("rate limit", { $0.faults.rateLimitRate = 1 }, 429, "rate_limit_error"),
            ("unavailable", { $0.faults.unavailableRate = 1 }, 529, "overloaded_error"),
            ("error rate", { $0.errorRate = 1 }, 500, "api_error"),
        ]
        for (name, configure, status, type) in cases {
            try await withServer(configure) { server in
                let response = try await Self.post(server.port, Self.body())
                #expect(response.status == status, "\(name)")
                #expect(response.errorObject?["type"] as? String == type, "\(name)")
                if status == 429 { #expect(response.header("retry-after") == "1") }
            }
        }
    }

    @Test("a stream error is an error event after N deltas, ending the stream without message_stop")
    func streamError() async throws {
        try await withServer({ $0.eosProbability = 0; $0.faults.streamErrorRate = 1; $0.faults.streamErrorAfterTokens = 2 }) {
            server in
            let response = try await Self.post(server.port, Self.body())
            #expect(response.status == 200)
            #expect(response.isComplete)
            let events = response.serverSentEvents
            #expect(events.filter { $0.name == "content_block_delta" }.count == 2)
            #expect(events.last?.name == "error")
            let error = jsonObject(events.last?.data ?? "")
            #expect(error?["type"] as? String == "error")
            #expect((error?["error"] as? [String: Any])?["type"] as? String == "api_error")
            #expect(!events.contains { $0.name == "message_stop" })
        }
    }

    @Test("GET /v1/models with anthropic-version lists models in Anthropic's shape")
    func models() async throws {
        try await withServer({ $0.modelName = "claude-sim" }) { server in
            let response = try await TestHTTPClient.send(
                port: server.port, .init(method: "GET", path: "/v1/models", headers: ["anthropic-version: 2023-06-01"]))
            let entry = (response.json?["data"] as? [[String: Any]])?.first
            #expect(entry?["type"] as? String == "model")
            #expect(entry?["id"] as? String == "claude-sim")
            #expect(response.json?["has_more"] as? Bool == false)
        }
    }
}
