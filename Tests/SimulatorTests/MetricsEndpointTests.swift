import Foundation
import Simulator
import Testing

/// One sample line of a Prometheus exposition.
private struct Sample {
    var name: String
    var labels: String
    var value: Double
}

/// The samples of a Prometheus text exposition (comments skipped).
private func samples(_ text: String) -> [Sample] {
    text.split(separator: "\n").compactMap { line in
        guard !line.hasPrefix("#"), let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...])
        else { return nil }
        let series = line[..<space]
        guard let brace = series.firstIndex(of: "{") else { return Sample(name: String(series), labels: "", value: value) }
        return Sample(name: String(series[..<brace]), labels: String(series[brace...]), value: value)
    }
}

private func value(_ samples: [Sample], _ name: String, labelled label: String = "") -> Double? {
    samples.first { $0.name == name && (label.isEmpty || $0.labels.contains(label)) }?.value
}

@Suite("GET /metrics over loopback", .serialized)
struct MetricsEndpointTests {
    private static func scrape(_ port: Int) async throws -> (TestHTTPResponse, [Sample]) {
        let response = try await TestHTTPClient.send(port: port, .init(method: "GET", path: "/metrics"))
        return (response, samples(response.text))
    }

    @Test("an idle server exposes every vLLM family with HELP and TYPE lines and the model_name label")
    func families() async throws {
        try await withServer({ $0.modelName = #"sim "8b""# }) { server in
            let (response, samples) = try await Self.scrape(server.port)
            #expect(response.status == 200)
            #expect(response.header("content-type") == "text/plain; version=0.0.4; charset=utf-8")
            let types = [
                "vllm:num_requests_running": "gauge", "vllm:num_requests_waiting": "gauge",
                "vllm:kv_cache_usage_perc": "gauge", "vllm:gpu_cache_usage_perc": "gauge",
                "vllm:num_preemptions_total": "counter", "vllm:prompt_tokens_total": "counter",
                "vllm:generation_tokens_total": "counter", "vllm:request_success_total": "counter",
                "vllm:time_to_first_token_seconds": "histogram", "vllm:e2e_request_latency_seconds": "histogram",
            ]
            for (name, type) in types {
                #expect(response.text.contains("# HELP \(name) "), "\(name)")
                #expect(response.text.contains("# TYPE \(name) \(type)\n"), "\(name)")
            }
            #expect(samples.allSatisfy { $0.labels.contains(#"model_name="sim \"8b\"""#) })
            #expect(value(samples, "vllm:num_requests_running") == 0)
            #expect(value(samples, "vllm:time_to_first_token_seconds_bucket", labelled: #"le="+Inf""#) == 0)
            #expect(value(samples, "vllm:time_to_first_token_seconds_bucket", labelled: #"le="0.001""#) == 0)
        }
    }

    @Test("with two slots and four slow streams open, running is 2, waiting 2, and the KV cache holds their tokens")
    func liveLoad() async throws {
        try await withServer({ $0.maxNumSeqs = 2; $0.decodeBaseMs = 40; $0.kvCacheTokens = 1000 }) { server in
            let body = #"{"prompt":"one two three four five six seven eight nine ten","max_tokens":2000,"ignore_eos":true,"stream":true}"#
            let streams = (0..<4).map { _ in
                Task {
                    try await TestHTTPClient.send(
                        port: server.port, .init(path: "/v1/completions", body: body), timeout: .milliseconds(1500))
                }
            }
            let deadline = ContinuousClock.now + .seconds(1)
            while server.statistics.running + server.statistics.waiting < 4, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            try await Task.sleep(for: .milliseconds(100))  // past both prefills (~2 ms each)
            let (_, during) = try await Self.scrape(server.port)
            #expect(value(during, "vllm:num_requests_running") == 2)
            #expect(value(during, "vllm:num_requests_waiting") == 2)
            let usage = try #require(value(during, "vllm:kv_cache_usage_perc"))
            // Two prompts of 10 tokens plus what each has generated so far, at 40 ms a token.
            #expect(usage >= 0.022 && usage <= 0.1, "\(usage)")
            #expect(value(during, "vllm:gpu_cache_usage_perc") == usage)
            #expect(value(during, "vllm:prompt_tokens_total") == 20)
            for stream in streams { _ = try await stream.value }
            try await Task.sleep(for: .milliseconds(50))
            let (_, after) = try await Self.scrape(server.port)
            #expect(value(after, "vllm:num_requests_running") == 0)
            #expect(value(after, "vllm:num_requests_waiting") == 0)
            #expect(value(after, "vllm:kv_cache_usage_perc") == 0)
            #expect(value(after, "vllm:request_success_total", labelled: #"finished_reason="abort""#) == 4)
        }
    }

    @Test("finished requests count their tokens, reasons and latencies")
    func counters() async throws {
        try await withServer({ $0.eosProbability = 0 }) { server in
            for maxTokens in [3, 5] {
                _ = try await TestHTTPClient.post(
                    port: server.port, "/v1/completions", #"{"prompt":"a b c d","max_tokens":\#(maxTokens)}"#)
            }
            let (_, samples) = try await Self.scrape(server.port)
            #expect(value(samples, "vllm:prompt_tokens_total") == 8)
            #expect(value(samples, "vllm:generation_tokens_total") == 8)
            #expect(value(samples, "vllm:request_success_total", labelled: #"finished_reason="length""#) == 2)
            #expect(value(samples, "vllm:request_success_total", labelled: #"finished_reason="stop""#) == 0)
            #expect(value(samples, "vllm:time_to_first_token_seconds_count") == 2)
            #expect(value(samples, "vllm:time_to_first_token_seconds_sum") ?? 0 > 0)
            #expect(value(samples, "vllm:e2e_request_latency_seconds_count") == 2)
            #expect(value(samples, "vllm:e2e_request_latency_seconds_bucket", labelled: #"le="+Inf""#) == 2)
            let buckets = samples.filter { $0.name == "vllm:time_to_first_token_seconds_bucket" }.map(\.value)
            #expect(buckets == buckets.sorted())  // cumulative
        }
    }

    @Test("when the KV cache overflows, the latest sequence is preempted, counted, and still finishes in full")
    func preemption() async throws {
        try await withServer({ $0.kvCacheTokens = 30; $0.decodeBaseMs = 2 }) { server in
            let body = #"{"prompt":"one two three four five six seven eight nine ten","max_tokens":15,"ignore_eos":true,"stream":true}"#
            async let first = TestHTTPClient.post(port: server.port, "/v1/completions", body)
            async let second = TestHTTPClient.post(port: server.port, "/v1/completions", body)
            let responses = try await [first, second]
            #expect(responses.allSatisfy { $0.isComplete && $0.tokenEvents.count == 15 })
            let (_, samples) = try await Self.scrape(server.port)
            let preemptions = try #require(value(samples, "vllm:num_preemptions_total"))
            #expect(preemptions >= 1)
            #expect(Int(preemptions) == server.statistics.preemptions)
            #expect(value(samples, "vllm:request_success_total", labelled: #"finished_reason="length""#) == 2)
        }
    }
}
