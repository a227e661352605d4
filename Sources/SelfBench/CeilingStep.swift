import CurlTransport
import LoadGen
import Metrics
import Simulator

/// The client-ceiling section: `repat run`'s closed-loop runner against the zero-latency
/// simulator, with long streams (token events/s) and one-token requests (requests/s), CPU split
/// between client and simulator threads.
struct CeilingStep {
    /// Shape label of the many-tokens-per-request rows (token events/s).
    static let longShape = "long streams"
    /// Shape label of the one-token-per-request rows (requests/s).
    static let shortShape = "short requests"
    /// Output tokens per request of the long-stream shape.
    static let longStreamTokens = 2_000

    let settings: SelfBenchSettings
    let log: @Sendable (String) -> Void

    func run() async throws(SelfBenchError) -> [SelfBenchReport.CeilingRow] {
        let server = try await BenchSimulator.start(BenchSimulator.Shape(), threads: settings.simulatorThreads)
        let transport = CurlTransport()
        defer { transport.close() }
        var rows: [SelfBenchReport.CeilingRow] = []
        do {
            for (shape, tokens) in [(Self.longShape, Self.longStreamTokens), (Self.shortShape, 1)] {
                for concurrency in settings.ceilingConcurrencies {
                    let row = try await measure(shape: shape, tokens: tokens, concurrency: concurrency, baseURL: server.baseURL, transport: transport)
                    log("ceiling: \(shape) c\(concurrency): \(NumberText.fixed(row.eventsPerSecond)) events/s, "
                        + "\(NumberText.fixed(row.requestsPerSecond)) req/s, client CPU \(NumberText.fixed(row.clientCPUPercent))%")
                    rows.append(row)
                }
            }
        } catch {
            try? await server.shutdown()
            throw error
        }
        try? await server.shutdown()
        return rows
    }

    private func measure(
        shape: String, tokens: Int, concurrency: Int, baseURL: String, transport: CurlTransport
    ) async throws(SelfBenchError) -> SelfBenchReport.CeilingRow {
        let plan = try BenchPlan.make(
            baseURL: baseURL, load: .closed(concurrency: concurrency, seconds: settings.stepSeconds, rampSeconds: nil),
            promptTokens: 16, maxTokens: tokens)
        guard let target = plan.targets.first, let level = plan.levels.first else {
            throw SelfBenchError("internal selfbench plan has no target or level")
        }
        await Quiescence.wait()
        let runner = LoadRunner(transport: transport, sink: DiscardingSink(), stop: StopSignal(), runID: "selfbench", runStart: MonotonicClock.now())
        let before = ClientCPUMeter.read()
        let summary = await runner.run(target: target, level: level, workload: plan.workload())
        let after = ClientCPUMeter.read()
        let seconds = after.wallSeconds(since: before)
        return SelfBenchReport.CeilingRow(
            shape: shape, concurrency: concurrency, requests: summary.succeeded, failures: summary.failed,
            events: summary.outputTokens, seconds: seconds,
            eventsPerSecond: seconds > 0 ? Double(summary.outputTokens) / seconds : 0,
            requestsPerSecond: seconds > 0 ? Double(summary.succeeded) / seconds : 0,
            clientCPUSeconds: after.clientCPUSeconds(since: before),
            simulatorCPUSeconds: after.simulatorCPUSeconds(since: before)
        )
    }
}
