import CurlTransport
import LoadGen
import LoopbackSupport
import Metrics
import Testing

/// The response head of a 200 with `contentType`, and more header lines if given.
private func head(_ contentType: String, _ more: String = "") -> String {
    "HTTP/1.1 200 OK\r\nContent-Type: \(contentType)\r\n\(more)\r\n"
}

private let endlessX = [UInt8](repeating: UInt8(ascii: "x"), count: 16 * 1024)

/// Runs one request against `server` as a target of `dialect` with target fields `extra`; the
/// server is stopped afterwards.
private func record(
    against server: HostileServer, dialect: String = "openai-chat", path: String = "/v1", extra: String = "", maxTokens: Int = 10,
    requestTimeout: String = "30s"
) async throws -> RequestRecord {
    defer { server.stop() }
    let target = """
          - name: hostile
            dialect: \(dialect)
            base_url: \(server.rootURL)\(path)
            model: m
            request_timeout: \(requestTimeout)
        \(extra)
        """
    let plan = try makePlan(scenarioYAML(targets: target, concurrency: [1], requests: 1, maxTokens: maxTokens))
    let records = try await withSimulators(plan) { plan, _, transport in
        await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport).1
    }
    return try #require(records.first)
}

/// Hostile servers: whatever they send, a request ends with a clear outcome in bounded memory.
/// Where a limit holds, the request ends long before its 30 s `request_timeout`, having read little
/// more than the limit (what the server wrote includes what the kernel's socket buffers took).
@Suite("hostile servers end in a clear outcome, in bounded memory", .serialized)
struct HostileServerTests {
    @Test("an SSE event that never ends is too_large once it passes max_event_bytes")
    func endlessEvent() async throws {
        let server = try HostileServer { connection in
            connection.send(head("text/event-stream") + #"data: {"choices":[{"delta":{"content":""#)
            connection.repeatForever(endlessX)
        }
        let found = try await record(against: server, extra: "    max_event_bytes: 256KiB")
        #expect(found.status == .tooLarge, "\(found.status): \(found.error)")
        #expect(found.error.hasPrefix("tooLarge: an event or line passed max_event_bytes (256 KiB) at "))
        #expect(found.durationMs < 10_000)
        #expect(server.bytesSent < 64 << 20, "read stopped near the limit: \(server.bytesSent) bytes sent")
    }

    @Test("an NDJSON line that never ends is too_large once it passes max_event_bytes")
    func endlessLine() async throws {
        let server = try HostileServer { connection in
            connection.send(head("application/x-ndjson") + #"{"message":{"role":"assistant","content":""#)
            connection.repeatForever(endlessX)
        }
        let found = try await record(against: server, dialect: "ollama-chat", path: "", extra: "    max_event_bytes: 256KiB")
        #expect(found.status == .tooLarge, "\(found.status): \(found.error)")
        #expect(found.error.hasPrefix("tooLarge: an event or line passed max_event_bytes (256 KiB)"))
        #expect(found.durationMs < 10_000)
    }

    @Test("a non-streamed body longer than max_response_bytes is too_large")
    func oversizedBody() async throws {
        let server = try HostileServer { connection in
            connection.send(head("application/json", "Content-Length: 100000000\r\n") + #"{"choices":[{"message":{"content":""#)
            connection.repeatForever(endlessX)
        }
        let found = try await record(against: server, extra: "    stream: false\n    max_response_bytes: 1MiB")
        #expect(found.status == .tooLarge, "\(found.status): \(found.error)")
        #expect(found.error.hasPrefix("tooLarge: the body passed max_response_bytes (1 MiB)"))
        #expect(found.durationMs < 10_000)
    }

    @Test("a stream that ignores max_tokens is stopped as an overrun, and the error says the server ignores the limit")
    func endlessTokens() async throws {
        let server = try HostileServer { connection in
            connection.send(head("text/event-stream"))
            connection.repeatForever(Array(String(repeating: #"data: {"choices":[{"delta":{"content":"a"}}]}"# + "\n\n", count: 64).utf8))
        }
        let found = try await record(against: server, maxTokens: 10)
        #expect(found.status == .overrun, "\(found.status): \(found.error)")
        #expect(found.error.hasSuffix("output tokens for max_tokens 10: the server ignores the length limit"))
        // Stopped at the read that passed 26 tokens: at most one read of events past it.
        #expect(found.outputTokens > 26 && found.outputTokens < 2_000, "\(found.outputTokens)")
        #expect(found.ttftMs != nil, "partial timings are kept")
    }

    @Test("a complete non-streamed answer with more tokens than max_tokens allows is an overrun")
    func overlongBody() async throws {
        let body = #"{"choices":[{"index":0,"message":{"role":"assistant","content":"long"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":500,"total_tokens":505}}"#
        let server = try HostileServer { connection in
            connection.send(head("application/json", "Content-Length: \(body.utf8.count)\r\n") + body)
        }
        let found = try await record(against: server, extra: "    stream: false", maxTokens: 10)
        #expect(found.status == .overrun, "\(found.status): \(found.error)")
        #expect(found.error == "500 output tokens for max_tokens 10: the server ignores the length limit")
    }

    @Test("a header line that never ends is too_large, curl holding at most its 100 KiB header limit")
    func endlessHeaderLine() async throws {
        let server = try HostileServer { connection in
            connection.send("HTTP/1.1 200 OK\r\nX-Endless: ")
            connection.repeatForever(endlessX)
        }
        let found = try await record(against: server)
        #expect(found.status == .tooLarge, "\(found.status): \(found.error)")
        #expect(found.error.hasPrefix("headerTooLarge: response header line over 100 KiB, or headers over 300 KiB in all"))
        #expect(found.durationMs < 10_000)
    }

    @Test("header lines that never end are too_large at curl's 300 KiB limit")
    func endlessHeaders() async throws {
        let server = try HostileServer { connection in
            connection.send("HTTP/1.1 200 OK\r\n")
            var index = 0
            while connection.send("X-Header-\(index): \(String(repeating: "h", count: 1000))\r\n") { index += 1 }
        }
        let found = try await record(against: server)
        #expect(found.status == .tooLarge, "\(found.status): \(found.error)")
        #expect(found.error.hasPrefix("headerTooLarge: "))
        #expect(found.durationMs < 10_000)
    }

    @Test("a stream trickled one byte a second ends at the first-token timeout, having held a few bytes")
    func trickledStream() async throws {
        let server = try HostileServer { connection in
            connection.send(head("text/event-stream"))
            connection.trickle(Array("data: ".utf8), every: .seconds(1))
        }
        let found = try await record(against: server, extra: "    first_token_timeout: 1500ms")
        #expect(found.status == .timeoutFirstToken, "\(found.status): \(found.error)")
        #expect(found.durationMs < 10_000)
        #expect(server.bytesSent < 200, "a byte a second: \(server.bytesSent) bytes")
    }

    @Test("a response trickled one byte a second from its status line ends at the request timeout")
    func trickledResponse() async throws {
        let server = try HostileServer { connection in
            connection.trickle(Array(head("application/json").utf8), every: .seconds(1))
        }
        let found = try await record(against: server, extra: "    stream: false", requestTimeout: "2s")
        #expect(found.status == .timeoutTotal, "\(found.status): \(found.error)")
        #expect(found.durationMs < 10_000)
    }
}
