import CurlTransport
import Simulator
import Testing

/// The transport against the built-in simulator over real loopback connections.
@Suite("streaming responses from the simulator")
struct StreamingTests {
    @Test("a streamed chat request yields head 200, ordered body chunks, then curl's timings")
    func streamedChat() async throws {
        try await withTransportAndServer({ $0.decodeBaseMs = 5 }) { transport, server in
            let response = try await collect(transport.stream(chatRequest(baseURL: server.baseURL, maxTokens: 10)))
            #expect(response.orderProblems.isEmpty, "\(response.orderProblems)")
            let head = try #require(response.head)
            #expect(head.status == 200)
            #expect(head.value(of: "Content-Type") == "text/event-stream")
            #expect(response.chunks.count >= 3, "tokens 5 ms apart should arrive in separate chunks")
            let stamps = response.chunks.map(\.receivedAt)
            #expect(zip(stamps, stamps.dropFirst()).allSatisfy { $0 <= $1 }, "receivedAt must not decrease")
            #expect(head.receivedAt <= stamps.first ?? .max)
            #expect(response.bodyText.contains("data: [DONE]"))
            let timings = try #require(response.timings)
            #expect(timings.firstByteMicros > 0)
            #expect(timings.totalMicros >= timings.firstByteMicros)
            #expect(timings.httpVersion == "1.1")
        }
    }

    @Test("the head is reported when the header block ends, not when the first body byte arrives")
    func headBeforeSlowFirstToken() async throws {
        // The simulator flushes the stream head on arrival, then spends 300 ms in prefill.
        try await withTransportAndServer({ $0.prefillOverheadMs = 300 }) { transport, server in
            let response = try await collect(transport.stream(chatRequest(baseURL: server.baseURL, maxTokens: 2)))
            let head = try #require(response.head)
            let firstChunk = try #require(response.chunks.first)
            #expect(head.headers.allSatisfy { !$0.value.unicodeScalars.contains { $0 == "\r" || $0 == "\n" } }, "\(head.headers)")
            #expect(head.value(of: "cache-control") == "no-cache")
            #expect(firstChunk.receivedAt - head.receivedAt > 150_000_000, "head should arrive ~300 ms before the first token")
        }
    }

    @Test("GET /v1/models is sent as a GET and answered with the model list")
    func modelsByGet() async throws {
        try await withTransportAndServer({ $0.modelName = "listed-model" }) { transport, server in
            let request = HTTPRequest(method: "GET", url: server.baseURL + "/models")
            let response = try await collect(transport.stream(request))
            #expect(response.head?.status == 200)
            #expect(response.bodyText.contains(#""id":"listed-model""#))
            #expect(response.timings != nil)
        }
    }

    @Test("an unknown path gives head 404 and a normal finish: HTTP errors are not transport failures")
    func notFoundIsNotAFailure() async throws {
        try await withTransportAndServer { transport, server in
            let request = HTTPRequest(method: "GET", url: server.baseURL + "/no/such/path")
            let response = try await collect(transport.stream(request))
            #expect(response.head?.status == 404)
            #expect(response.timings != nil)
            #expect(response.orderProblems.isEmpty, "\(response.orderProblems)")
        }
    }

    @Test("a non-streamed request with no body chunks in between still yields head and finish")
    func nonStreamed() async throws {
        try await withTransportAndServer { transport, server in
            let response = try await collect(transport.stream(chatRequest(baseURL: server.baseURL, maxTokens: 3, stream: false)))
            #expect(response.head?.status == 200)
            #expect(response.bodyText.contains(#""completion_tokens":3"#))
            #expect(response.timings != nil)
        }
    }

    @Test("200 concurrent streams all complete with head 200 and [DONE]")
    func manyConcurrentStreams() async throws {
        try await withTransportAndServer({ $0.decodeBaseMs = 2 }) { transport, server in
            let results = try await withThrowingTaskGroup(of: (Int, Bool, Bool).self) { group in
                for _ in 0..<200 {
                    group.addTask {
                        let response = try await collect(transport.stream(chatRequest(baseURL: server.baseURL, maxTokens: 5)))
                        return (response.head?.status ?? 0, response.bodyText.contains("data: [DONE]"), response.timings != nil)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.count == 200)
            #expect(results.allSatisfy { $0.0 == 200 }, "statuses: \(Set(results.map(\.0)))")
            #expect(results.allSatisfy { $0.1 && $0.2 })
            #expect(server.statistics.requestsServed == 200)
        }
    }

    @Test("sequential requests after the first reuse the kept-alive connection")
    func keepAliveReuse() async throws {
        try await withTransportAndServer { transport, server in
            var reused: [Bool] = []
            for index in 0..<4 {
                let request = index.isMultiple(of: 2)
                    ? HTTPRequest(method: "GET", url: server.baseURL + "/models")
                    : chatRequest(baseURL: server.baseURL, maxTokens: 3)
                let response = try await collect(transport.stream(request))
                #expect(response.head?.status == 200)
                reused.append(try #require(response.timings).reusedConnection)
            }
            #expect(reused == [false, true, true, true])
        }
    }
}
