import Simulator
import Testing

@Suite("streaming responses over loopback")
struct StreamingTests {
    @Test("a streamed chat yields a role chunk, max_tokens token chunks, a usage chunk and [DONE]")
    func streamedChat() async throws {
        try await withServer { server in
            let body = """
                {"model":"m1","messages":[{"role":"system","content":"be brief"},{"role":"user","content":"say five words please"}],
                 "max_tokens":12,"ignore_eos":true,"stream":true,"stream_options":{"include_usage":true},"temperature":0.7,"unknown":1}
                """
            let response = try await TestHTTPClient.post(port: server.port, "/v1/chat/completions", body)
            #expect(response.status == 200)
            #expect(response.header("content-type") == "text/event-stream")
            #expect(response.header("transfer-encoding") == "chunked")
            #expect(response.isComplete)

            let events = response.events
            #expect(events.count == 15)  // role, 12 tokens, usage, [DONE]
            let role = firstChoice(events.first?.json)?["delta"] as? [String: Any]
            #expect(role?["role"] as? String == "assistant")
            #expect(role?["content"] as? String == "")

            let tokens = Array(events.dropFirst().prefix(12))
            for (index, event) in tokens.enumerated() {
                let json = event.json
                #expect(json?["object"] as? String == "chat.completion.chunk")
                #expect(json?["model"] as? String == "m1")
                #expect((json?["id"] as? String)?.hasPrefix("chatcmpl-") == true)
                #expect(json?.keys.contains("usage") == true)  // "usage": null on every chunk
                let choice = firstChoice(json)
                #expect(((choice?["delta"] as? [String: Any])?["content"] as? String)?.hasPrefix(" ") == true)
                let finish = choice?["finish_reason"] as? String
                #expect(finish == (index == 11 ? "length" : nil))
            }

            let usageChunk = events[events.count - 2].json
            #expect((usageChunk?["choices"] as? [Any])?.isEmpty == true)
            let usage = usageChunk?["usage"] as? [String: Any]
            #expect(usage?["prompt_tokens"] as? Int == 6)
            #expect(usage?["completion_tokens"] as? Int == 12)
            #expect(usage?["total_tokens"] as? Int == 18)
            #expect(events.last?.data == "[DONE]")
            #expect(server.statistics.requestsServed == 1)
        }
    }

    @Test("a streamed completion yields text_completion chunks without a role chunk")
    func streamedCompletion() async throws {
        try await withServer { server in
            let body = #"{"model":"m","prompt":["one two","three"],"max_tokens":5,"ignore_eos":true,"stream":true,"stream_options":{"include_usage":true}}"#
            let response = try await TestHTTPClient.post(port: server.port, "/v1/completions", body)
            #expect(response.status == 200)
            let events = response.events
            #expect(events.count == 7)  // 5 tokens, usage, [DONE]
            #expect(response.tokenEvents.count == 5)
            for event in events.prefix(5) {
                #expect(event.json?["object"] as? String == "text_completion")
                #expect((event.json?["id"] as? String)?.hasPrefix("cmpl-") == true)
                #expect((firstChoice(event.json)?["text"] as? String)?.hasPrefix(" ") == true)
            }
            #expect(firstChoice(events[4].json)?["finish_reason"] as? String == "length")
            let usage = events[5].json?["usage"] as? [String: Any]
            #expect(usage?["prompt_tokens"] as? Int == 3)
            #expect(usage?["completion_tokens"] as? Int == 5)
            #expect(events.last?.data == "[DONE]")
        }
    }

    @Test("without include_usage chunks carry no usage key and no usage chunk is sent")
    func noUsage() async throws {
        try await withServer { server in
            let body = #"{"messages":[{"role":"user","content":"hi"}],"max_completion_tokens":3,"ignore_eos":true,"stream":true}"#
            let response = try await TestHTTPClient.post(port: server.port, "/v1/chat/completions", body)
            #expect(response.events.count == 5)  // role, 3 tokens, [DONE]
            #expect(response.events.allSatisfy { $0.json?.keys.contains("usage") != true })
            #expect(response.events[1].json?["model"] as? String == "sim-model")
        }
    }

    @Test("the same request seed gives the same early-stopped output; min_tokens is honoured")
    func eosIsDeterministic() async throws {
        try await withServer({ $0.eosProbability = 0.2 }) { server in
            let body = #"{"messages":[{"role":"user","content":"hi"}],"max_tokens":500,"min_tokens":3,"seed":1234,"stream":true}"#
            let first = try await TestHTTPClient.post(port: server.port, "/v1/chat/completions", body)
            let second = try await TestHTTPClient.post(port: server.port, "/v1/chat/completions", body)
            let texts = { (response: TestHTTPResponse) in
                response.tokenEvents.map { (firstChoice($0.json)?["delta"] as? [String: Any])?["content"] as? String ?? "" }
            }
            #expect(texts(first).count >= 3)
            #expect(texts(first).count < 500)
            #expect(texts(first) == texts(second))
            #expect(firstChoice(first.tokenEvents.last?.json)?["finish_reason"] as? String == "stop")
        }
    }

    @Test("a keep-alive connection serves pipelined requests in order")
    func keepAlive() async throws {
        try await withServer { server in
            let stream = TestHTTPClient.Request(
                path: "/v1/completions", body: #"{"prompt":"a","max_tokens":3,"ignore_eos":true,"stream":true}"#)
            let plain = TestHTTPClient.Request(
                path: "/v1/completions", body: #"{"prompt":"a b","max_tokens":2,"ignore_eos":true}"#)
            let health = TestHTTPClient.Request(method: "GET", path: "/health")
            let responses = try await TestHTTPClient.exchange(port: server.port, [stream, plain, health])
            #expect(responses.count == 3)
            #expect(responses.allSatisfy { $0.isComplete && $0.status == 200 })
            #expect(responses.first?.events.last?.data == "[DONE]")
            #expect((responses.dropFirst().first?.json?["usage"] as? [String: Any])?["prompt_tokens"] as? Int == 2)
        }
    }
}
