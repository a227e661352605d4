import CurlTransport
import LoadGen
import LoopbackSupport
import Metrics
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Every server-side fault the simulator can inject ends as its own `status` class, with partial
/// timings kept and the run going on.
@Suite("each fault is a classified outcome", .serialized)
struct OutcomeClassTests {
    /// Runs `requests` requests at concurrency 2 against one simulated target with `options` and
    /// target fields `extra`; returns the records.
    private func records(_ options: [String: String], extra: String = "", requests: Int = 4, maxTokens: Int = 8) async throws -> [RequestRecord] {
        let plan = try makePlan(scenarioYAML(
            targets: simulatedTarget("faulty", options: options, extra: extra), concurrency: [2], requests: requests, maxTokens: maxTokens
        ))
        return try await withSimulators(plan) { plan, _, transport in
            await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport).1
        }
    }

    @Test("429 with Retry-After is http_429, not retried by default")
    func rateLimited() async throws {
        let found = try await records(["rate_limit_rate": "1"])
        #expect(found.allSatisfy { $0.status == .http429 && $0.httpStatus == 429 && $0.retries == 0 })
        #expect(found.allSatisfy { !$0.error.isEmpty })
    }

    @Test("with retry_429 a rate-limited request is retried after Retry-After and the retries are counted")
    func retried() async throws {
        // A third of the attempts are limited; with up to 8 retries of 1 s (the integer header
        // form) every request ends ok (all 9 attempts of one request limited: p ≈ 1e-4), and the
        // ones that were limited waited at least a second.
        let found = try await records(["rate_limit_rate": "0.35", "retry_after_seconds": "1"], extra: "    retry_429: 8\n", requests: 6)
        #expect(found.allSatisfy { $0.status == .ok }, "\(found.map(\.status))")
        let retried = found.filter { $0.retries > 0 }
        #expect(!retried.isEmpty, "some of 6 requests at rate 0.35 must have been limited")
        #expect(retried.allSatisfy { ($0.ttftMs ?? 0) >= 1000 }, "latency counts from the first attempt: \(found.map { ($0.retries, $0.ttftMs ?? -1, $0.status, $0.error) })")
    }

    @Test("the HTTP-date form of Retry-After is honoured too")
    func retryAfterDate() async throws {
        let found = try await records(["rate_limit_rate": "0.35", "retry_after_seconds": "1", "retry_after_date": "true"], extra: "    retry_429: 8\n", requests: 6)
        #expect(found.allSatisfy { $0.status == .ok }, "\(found.map(\.status))")
        #expect(found.contains { $0.retries > 0 })
    }

    @Test("503 is http_5xx")
    func unavailable() async throws {
        let found = try await records(["unavailable_rate": "1"])
        #expect(found.allSatisfy { $0.status == .http5xx && $0.httpStatus == 503 })
    }

    @Test("a connection cut mid-stream is incomplete and keeps its partial timings")
    func disconnected() async throws {
        let found = try await records(["disconnect_rate": "1", "disconnect_after_tokens": "3"])
        for record in found {
            #expect(record.status == .incomplete, "\(record.status): \(record.error)")
            #expect(record.ttftMs != nil, "the tokens before the cut were measured")
            #expect(record.tokenEvents == 3)
        }
    }

    @Test("an error event inside a 200 stream is stream_error")
    func streamError() async throws {
        let found = try await records(["stream_error_rate": "1", "stream_error_after_tokens": "2"])
        #expect(found.allSatisfy { $0.status == .streamError && $0.httpStatus == 200 && !$0.error.isEmpty })
    }

    @Test("a malformed event is counted as a parse error while the response still completes")
    func malformed() async throws {
        let found = try await records(["malformed_rate": "1"])
        #expect(found.allSatisfy { $0.status == .ok && $0.parseErrors == 1 }, "\(found.map { ($0.status, $0.parseErrors) })")
    }

    @Test("no token within first_token_timeout is timeout_first_token")
    func firstTokenTimeout() async throws {
        let found = try await records(["first_token_delay_ms": "3000"], extra: "    first_token_timeout: 300ms\n", requests: 2)
        for record in found {
            #expect(record.status == .timeoutFirstToken, "\(record.status): \(record.error)")
            #expect(record.durationMs < 2000)
            #expect(record.httpStatus == 200, "the head had arrived")
        }
    }

    @Test("a stall longer than idle_timeout is timeout_idle")
    func idleTimeout() async throws {
        let found = try await records(["stall_rate": "1", "stall_after_tokens": "2", "stall_seconds": "4"], extra: "    idle_timeout: 1s\n", requests: 2)
        for record in found {
            #expect(record.status == .timeoutIdle, "\(record.status): \(record.error)")
            #expect(record.tokenEvents == 2)
        }
    }

    @Test("a request longer than request_timeout is timeout_total")
    func totalTimeout() async throws {
        let found = try await records(["decode_base_ms": "200"], extra: "    request_timeout: 500ms\n", requests: 2, maxTokens: 20)
        #expect(found.allSatisfy { $0.status == .timeoutTotal }, "\(found.map(\.status))")
    }

    @Test("a very large event is one token, not a failure")
    func largeEvent() async throws {
        let found = try await records(["large_event_rate": "1", "large_event_bytes": "2000000"], requests: 2)
        #expect(found.allSatisfy { $0.status == .ok && $0.outputTokens == 8 }, "\(found.map(\.status))")
    }

    @Test("slow headers show in TTFB and TTFT, and the request still succeeds")
    func slowHeaders() async throws {
        let found = try await records(["slow_headers_ms": "300"], requests: 2)
        for record in found {
            #expect(record.status == .ok)
            #expect(try #require(record.ttfbMs) >= 290)
        }
    }

    @Test("a response whose only token event is malformed is parse_error")
    func parseError() async throws {
        let found = try await records(["malformed_rate": "1"], requests: 2, maxTokens: 1)
        #expect(found.allSatisfy { $0.status == .parseError && $0.parseErrors == 1 }, "\(found.map { ($0.status, $0.parseErrors) })")
    }

    @Test("a server whose accept queue is full makes the connect phase time out: timeout_connect")
    func connectTimeout() async throws {
        // A listening socket with a backlog of 0, its queue filled by connections nobody accepts:
        // the kernel drops further SYNs, so a new connection can only time out.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                try #require(bind(listener, raw, length) == 0)
                try #require(listen(listener, 0) == 0)
                try #require(getsockname(listener, raw, &length) == 0)
            }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        var fillers: [Int32] = []
        defer { fillers.forEach { close($0) } }
        for _ in 0..<4 {
            let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = connect(filler, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            fillers.append(filler)
        }
        try await Task.sleep(for: .milliseconds(200))
        let target = """
              - name: stuck
                dialect: openai-chat
                base_url: http://127.0.0.1:\(port)/v1
                model: m
                connect_timeout: 500ms
            """
        let plan = try makePlan(scenarioYAML(targets: target, concurrency: [1], requests: 1))
        CurlSetup.ensure()
        let transport = CurlTransport()
        defer { transport.close() }
        let (_, found) = await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport)
        #expect(found.map(\.status) == [.timeoutConnect], "\(found.map { ($0.status, $0.error) })")
        #expect(found.allSatisfy { $0.durationMs < 3000 })
    }
}
