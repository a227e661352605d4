import Simulator
import Testing

/// Timing behaviour of the engine model over real connections. Bounds are deliberately loose:
/// they check the direction and rough size of effects, not exact latencies.
@Suite("continuous-batching timing over loopback", .serialized)
struct SchedulingTests {
    private static func streamBody(maxTokens: Int) -> String {
        #"{"messages":[{"role":"user","content":"hello there"}],"max_tokens":\#(maxTokens),"ignore_eos":true,"stream":true}"#
    }

    /// Streams one chat request; returns the response and the time to its first token in ms.
    private static func timedStream(port: Int, maxTokens: Int) async throws -> (TestHTTPResponse, Double) {
        let start = ContinuousClock.now
        let response = try await TestHTTPClient.post(port: port, "/v1/chat/completions", streamBody(maxTokens: maxTokens))
        let first = response.tokenEvents.first?.receivedAt ?? start
        return (response, milliseconds(from: start, to: first))
    }

    @Test("with max_num_seqs 2, six concurrent requests queue and the later ones see their first token later")
    func queueing() async throws {
        try await withServer({ $0.maxNumSeqs = 2; $0.decodeBaseMs = 10 }) { server in
            let ttfts = try await withThrowingTaskGroup(of: Double.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        let (response, ttft) = try await Self.timedStream(port: server.port, maxTokens: 10)
                        #expect(response.tokenEvents.count == 10)
                        return ttft
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }.sorted()
            }
            let stats = server.statistics
            #expect(stats.peakWaiting >= 1)
            #expect(stats.peakRunning == 2)
            #expect(stats.requestsServed == 6)
            // Two batches of ~100 ms each run before the last pair is admitted.
            #expect(ttfts[5] - ttfts[0] > 80, "TTFTs \(ttfts)")
        }
    }

    @Test("inter-token latency grows with the number of running sequences")
    func itlGrowsWithLoad() async throws {
        try await withServer({ $0.decodeBaseMs = 2; $0.decodePerSeqMs = 4 }) { server in
            let (alone, _) = try await Self.timedStream(port: server.port, maxTokens: 20)
            let soloGap = meanGapMs(alone.tokenEvents)
            let loadedGaps = try await withThrowingTaskGroup(of: Double.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let (response, _) = try await Self.timedStream(port: server.port, maxTokens: 20)
                        return meanGapMs(response.tokenEvents)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let loadedGap = loadedGaps.reduce(0, +) / Double(loadedGaps.count)
            // Expected about 2 ms alone and up to 30 ms with eight running.
            #expect(loadedGap > soloGap + 8, "solo \(soloGap) ms, loaded \(loadedGap) ms")
        }
    }

    @Test("a client that disconnects mid-stream frees its slot for the next request")
    func disconnectFreesSlot() async throws {
        try await withServer({ $0.maxNumSeqs = 1; $0.decodeBaseMs = 5 }) { server in
            let port = server.port
            // 2000 tokens at 5 ms would hold the only slot for ten seconds.
            let cut = try await TestHTTPClient.send(
                port: port, .init(path: "/v1/chat/completions", body: Self.streamBody(maxTokens: 2000)),
                closeAfterEvents: 3)
            #expect(!cut.isComplete)
            let start = ContinuousClock.now
            let next = try await TestHTTPClient.send(
                port: port, .init(path: "/v1/chat/completions", body: Self.streamBody(maxTokens: 3)),
                timeout: .seconds(3))
            #expect(next.isComplete)
            #expect(next.tokenEvents.count == 3)
            #expect(milliseconds(from: start, to: ContinuousClock.now) < 2500)
            #expect(server.statistics.requestsServed == 1)
        }
    }

    @Test("a client that leaves while queued does not take a slot later")
    func disconnectWhileQueued() async throws {
        try await withServer({ $0.maxNumSeqs = 1; $0.decodeBaseMs = 5 }) { server in
            let port = server.port
            async let holder = TestHTTPClient.send(
                port: port, .init(path: "/v1/chat/completions", body: Self.streamBody(maxTokens: 2000)),
                closeAfterEvents: 40)
            try await Task.sleep(for: .milliseconds(50))
            // Queued behind the holder; gives up after 100 ms.
            let gaveUp = try await TestHTTPClient.send(
                port: port, .init(path: "/v1/chat/completions", body: Self.streamBody(maxTokens: 2000)),
                timeout: .milliseconds(100))
            #expect(gaveUp.tokenEvents.isEmpty)
            _ = try await holder
            let next = try await TestHTTPClient.send(
                port: port, .init(path: "/v1/chat/completions", body: Self.streamBody(maxTokens: 3)),
                timeout: .seconds(3))
            #expect(next.isComplete)
            #expect(next.tokenEvents.count == 3)
            #expect(server.statistics.peakWaiting >= 1)
        }
    }
}
