import Foundation
import Simulator
import Testing

/// Injected rejections and the delays every request gets, over real loopback connections.
@Suite("injected rejections and delays over loopback")
struct FaultResponseTests {
    static let chat = #"{"messages":[{"role":"user","content":"hi"}],"max_tokens":4,"ignore_eos":true,"stream":true}"#

    private func error(_ response: TestHTTPResponse) -> [String: Any]? {
        response.json?["error"] as? [String: Any]
    }

    @Test("rate_limit_rate 1 answers 429 rate_limit_exceeded with Retry-After in seconds")
    func rateLimitedSeconds() async throws {
        try await withServer({ $0.faults.rateLimitRate = 1; $0.faults.retryAfterSeconds = 2 }) { server in
            let response = try await TestHTTPClient.post(port: server.port, "/v1/chat/completions", Self.chat)
            #expect(response.status == 429)
            #expect(response.header("retry-after") == "2")
            #expect(error(response)?["code"] as? String == "rate_limit_exceeded")
            #expect(error(response)?["type"] as? String == "requests")
            #expect((error(response)?["message"] as? String)?.isEmpty == false)
            #expect(server.statistics.faultsInjected == 1)
            #expect(server.statistics.running == 0)
        }
    }

    @Test("retry_after_date sends Retry-After as an HTTP-date that many seconds ahead")
    func rateLimitedDate() async throws {
        try await withServer({ try? $0.set("rate_limit_rate", to: "1"); try? $0.set("retry_after_seconds", to: "120")
            try? $0.set("retry_after_date", to: "true") }) { server in
            let response = try await TestHTTPClient.post(port: server.port, "/v1/completions", #"{"prompt":"a","max_tokens":2}"#)
            #expect(response.status == 429)
            let value = try #require(response.header("retry-after"))
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            let date = try #require(formatter.date(from: value), "\(value)")
            #expect(abs(date.timeIntervalSinceNow - 120) < 5, "\(value)")
        }
    }

    @Test("unavailable_rate 1 answers 503 with an error body")
    func unavailable() async throws {
        try await withServer({ $0.faults.unavailableRate = 1 }) { server in
            let response = try await TestHTTPClient.post(port: server.port, "/v1/chat/completions", Self.chat)
            #expect(response.status == 503)
            #expect(error(response)?["code"] as? Int == 503)
            #expect(error(response)?["type"] as? String == "server_error")
            #expect(server.statistics.requestsServed == 0)
        }
    }

    @Test("a rate of 0.5 over 40 requests rejects between 10 and 30, the same ones for the same seed")
    func ratesOverLoopback() async throws {
        let statuses = { (seed: UInt64) in
            try await withServer({ $0.faults.rateLimitRate = 0.5; $0.seed = seed }) { server in
                let request = TestHTTPClient.Request(
                    path: "/v1/completions", body: #"{"prompt":"a","max_tokens":1}"#)
                let responses = try await TestHTTPClient.exchange(
                    port: server.port, Array(repeating: request, count: 40))
                #expect(server.statistics.faultsInjected == responses.filter { $0.status == 429 }.count)
                return responses.map(\.status)
            }
        }
        let first = try await statuses(11)
        let again = try await statuses(11)
        #expect(first.count == 40)
        #expect(Set(first) == [200, 429])
        #expect((10...30).contains(first.filter { $0 == 429 }.count), "\(first)")
        #expect(first == again)
    }

    @Test("slow_headers_ms delays the response head by at least that much")
    func slowHeaders() async throws {
        try await withServer({ $0.faults.slowHeadersMs = 200 }) { server in
            let start = ContinuousClock.now
            let response = try await TestHTTPClient.post(port: server.port, "/v1/chat/completions", Self.chat)
            let first = try #require(response.events.first)
            #expect(milliseconds(from: start, to: first.receivedAt) >= 200)
            #expect(response.isComplete)
            #expect(response.tokenEvents.count == 4)
        }
    }

    @Test("a client that leaves during slow headers never reaches the engine")
    func leaveDuringSlowHeaders() async throws {
        try await withServer({ $0.faults.slowHeadersMs = 300; $0.maxNumSeqs = 1 }) { server in
            let gaveUp = try await TestHTTPClient.send(
                port: server.port, .init(path: "/v1/chat/completions", body: Self.chat), timeout: .milliseconds(50))
            #expect(gaveUp.status == 0)
            try await Task.sleep(for: .milliseconds(350))
            #expect(server.statistics.peakRunning == 0)
        }
    }

    @Test("first_token_delay_ms delays the first token by at least that much, later ones keep pace")
    func firstTokenDelay() async throws {
        try await withServer({ $0.faults.firstTokenDelayMs = 200 }) { server in
            let start = ContinuousClock.now
            let response = try await TestHTTPClient.post(port: server.port, "/v1/chat/completions", Self.chat)
            let tokens = response.tokenEvents
            #expect(tokens.count == 4)
            let first = try #require(tokens.first)
            #expect(milliseconds(from: start, to: first.receivedAt) >= 200)
            #expect(meanGapMs(tokens) < 100)
            #expect(server.statistics.faultsInjected == 0)
        }
    }
}
