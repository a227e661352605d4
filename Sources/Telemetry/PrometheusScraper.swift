import CurlTransport
import Synchronization

/// Scrapes one Prometheus endpoint (`/metrics` of vLLM, llama.cpp, SGLang, TGI, the DCGM
/// exporter, node_exporter, the simulator) every interval through ``CurlTransport``, on a thread
/// of its own: every kept sample becomes a row (source: the URL), and the metrics repat knows
/// (``EngineMetric``) feed the level figures. A failed scrape is counted and reported, never
/// fatal.
final class PrometheusScraper: TelemetrySampler {
    private let thread: PollingThread

    /// A scraper of `scrape` into `recorder` through `transport`, registered as `source`.
    init(_ scrape: ScrapeSource, source: String, transport: CurlTransport, recorder: TelemetryRecorder) {
        let request = HTTPRequest(method: "GET", url: scrape.url, headers: [HTTPHeader("Accept", "text/plain;version=0.0.4")])
        let timeoutMs = Int(min(10, max(1, scrape.intervalS)) * 1000)
        let options = TransferOptions(connectTimeoutMs: min(timeoutMs, 5000), totalTimeoutMs: timeoutMs, idleTimeoutSeconds: 0)
        let counters = Mutex(EngineMetric.Counters())
        let filter = scrape.filter
        thread = PollingThread(name: "repat-telemetry-scrape", intervalS: scrape.intervalS) {
            let started = MonotonicClock.now()
            let response = BlockingFetch.fetch(request, transport: transport, options: options)
            let received = MonotonicClock.now()
            var fetchCost = SamplingCost()
            fetchCost.wallNs = received - started
            switch response {
            case .failure(let failure):
                recorder.failed(source, reason: failure.reason, cost: fetchCost)
            case .success(let page) where page.status != 200:
                recorder.failed(source, reason: "HTTP \(page.status)", cost: fetchCost)
            case .success(let page):
                let ((batch, problems), parseCost) = SamplingCost.measure { () -> (TelemetryBatch, [PrometheusParseProblem]) in
                    let exposition = PrometheusParser.parse(page.body)
                    let samples = filter.samples(of: exposition)
                    let signals = counters.withLock { EngineMetric.signals(samples, timeNs: received, counters: &$0) }
                    let readings = samples.map { TelemetryReading($0.name, labels: $0.labelText, $0.value) }
                    return (TelemetryBatch(timeNs: received, readings: readings, signals: signals), exposition.problems)
                }
                var cost = parseCost
                cost.wallNs += fetchCost.wallNs
                if let problem = problems.first {
                    recorder.failed(source, reason: "\(problems.count) lines not in the Prometheus text format (first: \(problem))", cost: batch.readings.isEmpty ? cost : SamplingCost())
                }
                guard !batch.readings.isEmpty || problems.isEmpty else { return }
                recorder.record(batch, from: source, cost: cost)
            }
        }
    }

    func start() { thread.start() }
    func stop() { thread.stop() }
}
