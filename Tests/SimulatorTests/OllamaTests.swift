import Foundation
import Simulator
import Testing

@Suite("Ollama's native API over loopback")
struct OllamaTests {
    private static let chat = #"{"model":"llama3","messages":[{"role":"user","content":"a b c d e"}],"options":{"num_predict":6,"num_ctx":4096,"seed":7},"keep_alive":"10m"}"#

    @Test("/api/chat streams NDJSON by default: one message per token, then done with the engine's timings")
    func chatStream() async throws {
        try await withServer({
            $0.eosProbability = 0; $0.decodeBaseMs = 20; $0.prefillOverheadMs = 30; $0.prefillTokensPerSecond = 1000
        }) { server in
            let response = try await TestHTTPClient.post(port: server.port, "/api/chat", Self.chat)
            #expect(response.status == 200)
            #expect(response.header("content-type") == "application/x-ndjson")
            let lines = response.jsonLines
            #expect(lines.count == 7)  // 6 tokens, then the final object
            for line in lines.dropLast() {
                #expect(line?["model"] as? String == "llama3")
                #expect(line?["done"] as? Bool == false)
                #expect((line?["created_at"] as? String)?.hasSuffix("Z") == true)
                let message = line?["message"] as? [String: Any]
                #expect(message?["role"] as? String == "assistant")
                #expect((message?["content"] as? String)?.hasPrefix(" ") == true)
            }
            let final = try #require(lines.last ?? nil)
            #expect(final["done"] as? Bool == true)
            #expect(final["done_reason"] as? String == "length")
            #expect((final["message"] as? [String: Any])?["content"] as? String == "")
            #expect(final["prompt_eval_count"] as? Int == 5)
            #expect(final["eval_count"] as? Int == 6)
            let total = try #require(final["total_duration"] as? Int)
            let load = try #require(final["load_duration"] as? Int)
            let prompt = try #require(final["prompt_eval_duration"] as? Int)
            let eval = try #require(final["eval_duration"] as? Int)
            #expect(total == load + prompt + eval)
            // The engine's own timeline: a prefill of 30 ms + 5 tokens at 1 ms (less the moment
            // between reaching the engine and being admitted), then 5 decode steps of 20 ms.
            #expect(prompt > 20_000_000 && prompt <= 35_000_000, "\(prompt)")
            #expect(eval == 100_000_000)
            #expect(load < 15_000_000, "\(load)")
        }
    }

    @Test("a request queued behind another reports the wait as load_duration")
    func queueWaitIsLoadDuration() async throws {
        try await withServer({ $0.maxNumSeqs = 1; $0.eosProbability = 0; $0.decodeBaseMs = 10 }) { server in
            let long = #"{"model":"m","prompt":"hello","stream":false,"options":{"num_predict":100}}"#
            let short = #"{"model":"m","prompt":"hello","stream":false,"options":{"num_predict":1}}"#
            let first = Task { try await TestHTTPClient.post(port: server.port, "/api/generate", long) }
            while server.statistics.running == 0 { try await Task.sleep(for: .milliseconds(2)) }
            let second = try await TestHTTPClient.post(port: server.port, "/api/generate", short)
            let firstLoad = try await first.value.json?["load_duration"] as? Int ?? -1
            let secondLoad = second.json?["load_duration"] as? Int ?? -1
            // The first holds the only slot for 99 decode steps of 10 ms; the second, sent once it
            // runs, waits for a good part of them.
            #expect(firstLoad >= 0 && firstLoad < 50_000_000, "\(firstLoad)")
            #expect(secondLoad >= 100_000_000, "\(secondLoad)")
            #expect(server.statistics.peakWaiting == 1)
        }
    }

    @Test("/api/generate with stream false answers one object with the whole response and the timings")
    func generateWhole() async throws {
        try await withServer({ $0.eosProbability = 0 }) { server in
            let body = #"{"model":"m","system":"be brief","prompt":"one two three","stream":false,"options":{"num_predict":4}}"#
            let response = try await TestHTTPClient.post(port: server.port, "/api/generate", body)
            #expect(response.status == 200)
            #expect(response.header("content-type") == "application/json")
            let json = try #require(response.json)
            #expect((json["response"] as? String)?.split(separator: " ").count == 4)
            #expect(json["done"] as? Bool == true)
            #expect(json["done_reason"] as? String == "length")
            #expect(json["prompt_eval_count"] as? Int == 5)
            #expect(json["eval_count"] as? Int == 4)
            #expect(json["total_duration"] as? Int ?? 0 > 0)
        }
    }

    @Test("/api/tags and /api/version describe the served model and the simulator")
    func tagsAndVersion() async throws {
        try await withServer({ $0.modelName = "sim:8b"; $0.modelBytes = 1234 }) { server in
            let tags = try await TestHTTPClient.send(port: server.port, .init(method: "GET", path: "/api/tags"))
            let model = try #require((tags.json?["models"] as? [[String: Any]])?.first)
            #expect(model["name"] as? String == "sim:8b")
            #expect(model["model"] as? String == "sim:8b")
            #expect(model["size"] as? Int == 1234)
            #expect((model["digest"] as? String)?.count == 64)
            #expect(model["details"] as? [String: Any] != nil)
            let version = try await TestHTTPClient.send(port: server.port, .init(method: "GET", path: "/api/version"))
            #expect((version.json?["version"] as? String)?.isEmpty == false)
        }
    }

    @Test("/api/ps lists the model until its keep_alive runs out after the last request")
    func runningModels() async throws {
        try await withServer({ $0.modelBytes = 5_000 }) { server in
            let ps = TestHTTPClient.Request(method: "GET", path: "/api/ps")
            let before = try await TestHTTPClient.send(port: server.port, ps)
            let loaded = try #require((before.json?["models"] as? [[String: Any]])?.first)
            #expect(loaded["size_vram"] as? Int == 5_000)
            #expect(loaded["size"] as? Int == 5_000)
            #expect((loaded["expires_at"] as? String)?.hasSuffix("Z") == true)

            let forever = #"{"model":"m","prompt":"x","stream":false,"options":{"num_predict":1},"keep_alive":-1}"#
            _ = try await TestHTTPClient.post(port: server.port, "/api/generate", forever)
            let kept = try await TestHTTPClient.send(port: server.port, ps)
            let expiry = (kept.json?["models"] as? [[String: Any]])?.first?["expires_at"] as? String
            #expect(expiry.map { $0 > "2200" } == true, "\(expiry ?? "")")

            let unload = #"{"model":"m","prompt":"x","stream":false,"options":{"num_predict":1},"keep_alive":"0s"}"#
            _ = try await TestHTTPClient.post(port: server.port, "/api/generate", unload)
            let after = try await TestHTTPClient.send(port: server.port, ps)
            #expect((after.json?["models"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("errors are {\"error\":…} with the status: missing model 400, bad keep_alive 400, unknown path 404")
    func errors() async throws {
        try await withServer { server in
            let missing = try await TestHTTPClient.post(port: server.port, "/api/chat", #"{"messages":[]}"#)
            #expect(missing.status == 400)
            #expect(missing.json?["error"] as? String == "model is required")
            let badKeepAlive = try await TestHTTPClient.post(
                port: server.port, "/api/generate", #"{"model":"m","prompt":"x","keep_alive":"soon"}"#)
            #expect(badKeepAlive.status == 400)
            #expect((badKeepAlive.json?["error"] as? String)?.contains("keep_alive") == true)
            let unknown = try await TestHTTPClient.send(port: server.port, .init(method: "GET", path: "/api/nope"))
            #expect(unknown.status == 404)
            #expect(unknown.json?["error"] is String)
        }
    }

    @Test("injected faults in Ollama's shape: 429 and 503 bodies, an error line mid-stream, a malformed line")
    func faults() async throws {
        try await withServer({ $0.faults.rateLimitRate = 1; $0.faults.retryAfterSeconds = 3 }) { server in
            let response = try await TestHTTPClient.post(port: server.port, "/api/chat", Self.chat)
            #expect(response.status == 429)
            #expect(response.header("retry-after") == "3")
            #expect(response.json?["error"] is String)
        }
        try await withServer({ $0.faults.unavailableRate = 1 }) { server in
            let response = try await TestHTTPClient.post(port: server.port, "/api/chat", Self.chat)
            #expect(response.status == 503)
            #expect(response.json?["error"] is String)
        }
        try await withServer({ $0.eosProbability = 0; $0.faults.streamErrorRate = 1; $0.faults.streamErrorAfterTokens = 2 }) {
            server in
            let response = try await TestHTTPClient.post(port: server.port, "/api/chat", Self.chat)
            #expect(response.status == 200)
            #expect(response.isComplete)
            let lines = response.jsonLines
            #expect(lines.count == 3)
            #expect(lines.last??["error"] is String)
            #expect(!lines.contains { $0?["done"] as? Bool == true })
        }
        try await withServer({ $0.eosProbability = 0; $0.faults.malformedRate = 1 }) { server in
            let response = try await TestHTTPClient.post(port: server.port, "/api/chat", Self.chat)
            let lines = response.jsonLines
            #expect(lines.count == 7)
            #expect(lines[1] == nil)  // the second token's line is cut short
            #expect(response.text.split(separator: "\n")[1].hasSuffix(#""content":"#))
            #expect(lines.last??["done"] as? Bool == true)
        }
    }
}
