import Foundation
import Simulator
import Testing

/// Injected stream faults over real loopback connections, and the engine slots they free.
@Suite("injected stream faults over loopback")
struct FaultStreamTests {
    private static func chat(maxTokens: Int, stream: Bool = true) -> String {
        #"{"messages":[{"role":"user","content":"hi"}],"max_tokens":\#(maxTokens),"ignore_eos":true,"stream":\#(stream)}"#
    }

    private static func content(_ event: TestEvent) -> String? {
        (firstChoice(event.json)?["delta"] as? [String: Any])?["content"] as? String
    }

    @Test("disconnect_rate 1 closes the connection after disconnect_after_tokens tokens, without [DONE]")
    func disconnect() async throws {
        try await withServer({ $0.faults.disconnectRate = 1; $0.faults.disconnectAfterTokens = 4 }) { server in
            let response = try await TestHTTPClient.post(port: server.port, "/v1/chat/completions", Self.chat(maxTokens: 20))
            #expect(response.status == 200)
            #expect(!response.isComplete)
            #expect(response.tokenEvents.count == 4)
            #expect(response.events.count == 5)  // role + 4 tokens
            #expect(!response.events.contains { $0.data == "[DONE]" })
            let stats = server.statistics
            #expect(stats.running == 0)
            #expect(stats.requestsServed == 0)
            #expect(stats.faultsInjected == 1)
        }
    }

    @Test("stall_rate 1 pauses the stream for stall_seconds after stall_after_tokens tokens, then finishes")
    func stall() async throws {
        try await withServer({ $0.faults.stallRate = 1; $0.faults.stallAfterTokens = 2; $0.faults.stallSeconds = 0.3 }) {
            server in
            let start = ContinuousClock.now
            let response = try await TestHTTPClient.post(port: server.port, "/v1/chat/completions", Self.chat(maxTokens: 6))
            #expect(response.isComplete)
            #expect(response.events.last?.data == "[DONE]")
            let tokens = response.tokenEvents
            #expect(tokens.count == 6)
            guard tokens.count == 6 else { return }
            let gaps = zip(tokens, tokens.dropFirst()).map { milliseconds(from: $0.receivedAt, to: $1.receivedAt) }
            // The server keeps ≥ 300 ms between writing tokens 2 and 3, but the test client, busy
            // with other tests' streams, may read token 2 late: the gap seen is checked with some
            // slack, and the time to token 3 (which no late read can shorten) exactly.
            #expect(gaps[1] >= 250, "\(gaps)")
            #expect(milliseconds(from: start, to: tokens[2].receivedAt) >= 300)
            #expect(gaps.enumerated().filter { $0.offset != 1 }.allSatisfy { $0.element < 250 }, "\(gaps)")
            #expect(server.statistics.requestsServed == 1)
            #expect(server.statistics.running == 0)
        }
    }

    @Test("malformed_rate 1 sends one token event as truncated JSON; later tokens and [DONE] still arrive")
    func malformed() async throws {
        try await withServer({ $0.faults.malformedRate = 1 }) { server in
            let response = try await TestHTTPClient.post(port: server.port, "/v1/chat/completions", Self.chat(maxTokens: 5))
            #expect(response.isComplete)
            let events = response.events
            #expect(events.count == 7)  // role, 5 tokens (one malformed), [DONE]
            let bad = events.filter { $0.json == nil && $0.data != "[DONE]" }
            #expect(bad.count == 1)
            #expect(bad.first?.data.hasPrefix(#"{"id":"chatcmpl-"#) == true)
            #expect(bad.first?.data.hasSuffix(#""delta":{"content":"#) == true)
            #expect(events.firstIndex { $0.json == nil } == 2)  // the second token
            #expect(response.tokenEvents.count == 4)
            #expect(events.last?.data == "[DONE]")
        }
    }

    @Test("stream_error_rate 1 sends an error event inside the 200 stream after N tokens, then [DONE]")
    func streamError() async throws {
        try await withServer({ $0.faults.streamErrorRate = 1; $0.faults.streamErrorAfterTokens = 2 }) { server in
            let response = try await TestHTTPClient.post(port: server.port, "/v1/chat/completions", Self.chat(maxTokens: 10))
            #expect(response.status == 200)
            #expect(response.isComplete)
            #expect(response.tokenEvents.count == 2)
            let events = response.events
            #expect(events.count == 5)  // role, 2 tokens, error, [DONE]
            let error = events.dropLast().last?.json?["error"] as? [String: Any]
            #expect(error?["type"] as? String == "server_error")
            #expect(error?["code"] as? Int == 500)
            #expect((error?["message"] as? String)?.isEmpty == false)
            #expect(events.last?.data == "[DONE]")
            #expect(server.statistics.running == 0)
            #expect(server.statistics.requestsServed == 0)
        }
    }

    @Test("large_event_rate 1 makes one token event carry large_event_bytes of content, still one token")
    func largeEvent() async throws {
        let bytes = 1 << 20
        try await withServer({ $0.faults.largeEventRate = 1; $0.faults.largeEventBytes = bytes }) { server in
            let body = #"{"messages":[{"role":"user","content":"hi"}],"max_tokens":4,"ignore_eos":true,"stream":true,"stream_options":{"include_usage":true}}"#
            let response = try await TestHTTPClient.post(port: server.port, "/v1/chat/completions", body)
            #expect(response.isComplete)
            let sizes = response.tokenEvents.map { Self.content($0)?.utf8.count ?? 0 }
            #expect(sizes.count == 4)
            #expect(sizes.filter { $0 == bytes }.count == 1)
            #expect(sizes.dropFirst().first == bytes)
            let usage = response.events.dropLast().last?.json?["usage"] as? [String: Any]
            #expect(usage?["completion_tokens"] as? Int == 4)
        }
    }

    @Test("without streaming, a disconnect sends nothing, a stream error is a 500, malformed is invalid JSON")
    func nonStreaming() async throws {
        try await withServer({ $0.faults.disconnectRate = 1; $0.faults.disconnectAfterTokens = 1 }) { server in
            let response = try await TestHTTPClient.post(
                port: server.port, "/v1/chat/completions", Self.chat(maxTokens: 3, stream: false))
            #expect(response.status == 0)
            #expect(server.statistics.running == 0)
        }
        try await withServer({ $0.faults.streamErrorRate = 1 }) { server in
            let response = try await TestHTTPClient.post(
                port: server.port, "/v1/chat/completions", Self.chat(maxTokens: 3, stream: false))
            #expect(response.status == 500)
            #expect((response.json?["error"] as? [String: Any])?["type"] as? String == "server_error")
        }
        try await withServer({ $0.faults.malformedRate = 1 }) { server in
            let response = try await TestHTTPClient.post(
                port: server.port, "/v1/chat/completions", Self.chat(maxTokens: 3, stream: false))
            #expect(response.status == 200)
            #expect(response.isComplete)
            #expect(!response.body.isEmpty)
            #expect(response.json == nil)
        }
    }

    @Test("with one slot, requests that disconnect, error or stall each free it for the next")
    func faultsFreeSlots() async throws {
        let configurations: [(String, (inout EngineProfile) -> Void)] = [
            ("disconnect", { $0.faults.disconnectRate = 1; $0.faults.disconnectAfterTokens = 2 }),
            ("stream error", { $0.faults.streamErrorRate = 1 }),
            ("stall", { $0.faults.stallRate = 1; $0.faults.stallAfterTokens = 1; $0.faults.stallSeconds = 0.1 }),
        ]
        for (name, configure) in configurations {
            // 20 ms decode steps make each request last long enough for the three to overlap even
            // when other tests keep the machine busy.
            try await withServer({ $0.maxNumSeqs = 1; $0.decodeBaseMs = 20; configure(&$0) }) { server in
                let start = ContinuousClock.now
                let responses = try await withThrowingTaskGroup(of: TestHTTPResponse.self) { group in
                    for _ in 0..<3 {
                        group.addTask {
                            try await TestHTTPClient.send(
                                port: server.port, .init(path: "/v1/chat/completions", body: Self.chat(maxTokens: 5)),
                                timeout: .seconds(3))
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(responses.allSatisfy { $0.status == 200 && !$0.tokenEvents.isEmpty }, "\(name)")
                #expect(milliseconds(from: start, to: ContinuousClock.now) < 2500, "\(name)")
                let stats = server.statistics
                #expect(stats.peakWaiting >= 1, "\(name)")
                #expect(stats.running == 0 && stats.waiting == 0, "\(name)")
            }
        }
    }

    @Test("a client that leaves during a stall frees its slot")
    func leaveDuringStall() async throws {
        try await withServer({ $0.maxNumSeqs = 1; $0.faults.stallRate = 1; $0.faults.stallAfterTokens = 1
            $0.faults.stallSeconds = 5 }) { server in
            let cut = try await TestHTTPClient.send(
                port: server.port, .init(path: "/v1/chat/completions", body: Self.chat(maxTokens: 5)),
                timeout: .milliseconds(150))
            #expect(cut.tokenEvents.count == 1)
            try await Task.sleep(for: .milliseconds(50))
            #expect(server.statistics.running == 0)
            #expect(server.statistics.waiting == 0)
        }
    }
}
