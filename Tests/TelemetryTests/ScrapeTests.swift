import CurlTransport
import Foundation
import LoopbackSupport
import Results
import Simulator
import Testing
@testable import Telemetry

/// Prometheus scrapes and Ollama probes over loopback, against the built-in simulator.
@Suite("scraping /metrics and reading /api/ps")
struct ScrapeTests {
    /// A session scraping `scrapes` (and probing `ollama`) every 50 ms into `folder`, with no
    /// local sampler but `/proc`.
    private static func session(_ folder: TemporaryFolder, scrapes: [ScrapeSource], ollama: [OllamaSource] = []) throws -> TelemetrySession {
        CurlSetup.ensure()
        let configuration = TelemetryConfiguration(intervalS: 0.05, gpu: false, rapl: false, idleSeconds: 0, scrapes: scrapes, ollama: ollama)
        return try TelemetrySession(
            configuration, csvPath: folder.file("telemetry.csv"), clock: RunClock(startNs: MonotonicClock.now(), startDate: Date()),
            host: TelemetryHost(procRoot: folder.file("proc"), searchPath: "")
        )
    }

    @Test("the simulator's vLLM-style page is scraped on schedule, filtered by prefix, with its cost")
    func simulatorMetrics() async throws {
        let server = try await SimulatorServer.start(threads: 1)
        defer { Task { try? await server.shutdown() } }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = String(server.baseURL.dropLast(3))
        let scrape = ScrapeSource(url: root + "/metrics", intervalS: 0.05, filter: MetricFilter(prefixes: ["vllm:num_requests", "vllm:kv_cache"]), target: "sim")
        let session = try Self.session(folder, scrapes: [scrape])
        try await Task.sleep(for: .milliseconds(400))
        let section = await session.finish()
        let rows = try telemetryRows(folder.file("telemetry.csv"))
        #expect(Set(rows.map(\.metric)) == [
            "vllm:num_requests_running", "vllm:num_requests_waiting", "vllm:kv_cache_usage_perc",
            "repat:requests_running", "repat:requests_waiting", "repat:kv_cache_usage_pct",
        ])
        #expect(rows.allSatisfy { $0.source == root + "/metrics" })
        #expect(rows.first { $0.metric == "vllm:num_requests_running" }?.labels.hasPrefix("model_name=") == true)
        let source = try #require(section.sources.first { $0.name == root + "/metrics" })
        #expect(source.status == "ok" && source.target == "sim" && source.failures == 0)
        #expect(source.samples >= 4, "every 50 ms for 400 ms")
        #expect(source.wallMsPerSample.map { $0 > 0 } == true)
    }

    @Test("a refused connection and an HTTP error are counted as failed scrapes, with their reason")
    func failures() async throws {
        let server = try await SimulatorServer.start(threads: 1)
        defer { Task { try? await server.shutdown() } }
        let closed = try #require(RefusingPort())
        defer { closed.release() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = String(server.baseURL.dropLast(3)) + "/no-such-page"
        let refused = "http://127.0.0.1:\(closed.port)/metrics"
        let session = try Self.session(folder, scrapes: [ScrapeSource(url: missing, intervalS: 0.05), ScrapeSource(url: refused, intervalS: 0.05)])
        try await Task.sleep(for: .milliseconds(200))
        let section = await session.finish()
        let notFound = try #require(section.sources.first { $0.name == missing })
        #expect(notFound.status == "failed" && notFound.reason == "HTTP 404" && notFound.failures > 0)
        let noServer = try #require(section.sources.first { $0.name == refused })
        #expect(noServer.status == "failed")
        #expect(noServer.reason?.hasPrefix("connect: ") == true)
    }

    @Test("Ollama's /api/ps is read before a target's first level and after its last, once each")
    func ollamaProbe() async throws {
        let server = try await SimulatorServer.start(threads: 1)
        defer { Task { try? await server.shutdown() } }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = String(server.baseURL.dropLast(3)) + "/api/ps"
        let session = try Self.session(folder, scrapes: [], ollama: [OllamaSource(target: "ollama", url: url)])
        await session.levelStarting(target: "ollama", level: "c1")
        session.levelEnded()
        await session.levelStarting(target: "ollama", level: "c2")
        session.levelEnded()
        await session.targetFinished("ollama")
        await session.targetFinished("ollama")
        let section = await session.finish()
        let rows = try telemetryRows(folder.file("telemetry.csv")).filter { $0.source == url }
        #expect(rows.filter { $0.metric == "ollama_models_loaded" }.map(\.labels) == [#"phase="before""#, #"phase="after""#])
        #expect(rows.allSatisfy { $0.target == "ollama" })
        #expect(section.sources.first { $0.name == url }?.samples == 2)
    }

    @Test("an /api/ps answer: models, total size and the share in VRAM")
    func ollamaAnswer() throws {
        let body = Data(#"{"models":[{"name":"llama3.1:8b","model":"llama3.1:8b","size":6591830464,"size_vram":5333539264,"expires_at":"2026-11-23T10:00:00Z"}]}"#.utf8)
        let readings = try #require(OllamaProbe.readings(body, phase: "before"))
        #expect(readings == [
            TelemetryReading("ollama_models_loaded", labels: #"phase="before""#, 1),
            TelemetryReading("ollama_model_size_bytes", labels: #"model="llama3.1:8b",phase="before""#, 6_591_830_464),
            TelemetryReading("ollama_model_vram_bytes", labels: #"model="llama3.1:8b",phase="before""#, 5_333_539_264),
        ])
        #expect(OllamaProbe.readings(Data(#"{"object":"list"}"#.utf8), phase: "after") == nil)
    }

    @Test("engine metrics mean the same whatever the engine calls them; counters become average power")
    func engineSignals() {
        var counters = EngineMetric.Counters()
        for (text, expected) in [
            (ExpositionSamples.vllm, [TelemetrySignal.requestsRunning(12), .requestsWaiting(3), .kvCacheUsage(0.4375)]),
            (ExpositionSamples.llamaCpp, [.kvCacheUsage(0.25), .requestsRunning(4), .requestsWaiting(6)]),
            (ExpositionSamples.sglang, [.requestsRunning(31), .requestsWaiting(17), .kvCacheUsage(0.82)]),
            (ExpositionSamples.tgi, [.requestsWaiting(9), .requestsRunning(24)]),
        ] {
            #expect(EngineMetric.signals(PrometheusParser.parse(text).samples, timeNs: 0, counters: &counters) == expected)
        }
        let dcgm = EngineMetric.signals(PrometheusParser.parse(ExpositionSamples.dcgm).samples, timeNs: 0, counters: &counters)
        #expect(dcgm.count == 4)
        #expect(SignalTotals(dcgm).power.first?.watts == 899.75)
        #expect(SignalTotals(dcgm).utilization.first?.percent == 69)
        let node = PrometheusParser.parse(ExpositionSamples.nodeExporter).samples
        #expect(EngineMetric.signals(node, timeNs: 1_000_000_000, counters: &counters).isEmpty, "a counter's first reading gives no power")
        let later = node.map { sample in
            var sample = sample
            sample.value += sample.name.hasPrefix("node_rapl") ? 100 : 0
            return sample
        }
        let power = EngineMetric.signals(later, timeNs: 3_000_000_000, counters: &counters)
        #expect(power.count == 3)
        #expect(SignalTotals(power).power.first?.watts == 150, "3 counters × 100 J over 2 s")
        #expect(SignalTotals(power).power.first?.averagedSinceNs == 1_000_000_000)
    }

    @Test("a metric filter keeps families or samples whose names start with a prefix")
    func filter() {
        let page = PrometheusParser.parse(ExpositionSamples.vllm)
        #expect(MetricFilter().samples(of: page).count == page.samples.count)
        #expect(MetricFilter(prefixes: ["vllm:time_to_first_token_seconds_bucket"]).samples(of: page).count == 4)
        #expect(Set(MetricFilter(prefixes: ["vllm:num_"]).samples(of: page).map(\.name)) == ["vllm:num_requests_running", "vllm:num_requests_waiting", "vllm:num_preemptions_total"])
    }
}
