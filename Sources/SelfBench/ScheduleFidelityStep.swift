import CurlTransport
import LoadGen
import Metrics
import Simulator
import Workload

/// The schedule-fidelity section: `repat run`'s open-loop runner fires a seeded Poisson schedule
/// at the zero-latency simulator; the achieved send rate is compared with the requested rate and
/// with the rate of the schedule actually drawn, and the send lag is the runner's own.
struct ScheduleFidelityStep {
    let settings: SelfBenchSettings
    let log: @Sendable (String) -> Void

    func run() async throws(SelfBenchError) -> SelfBenchReport.ScheduleRow {
        let server = try await BenchSimulator.start(BenchSimulator.Shape(), threads: settings.simulatorThreads)
        let transport = CurlTransport()
        defer { transport.close() }
        let row: SelfBenchReport.ScheduleRow
        do {
            row = try await measure(baseURL: server.baseURL, transport: transport)
        } catch {
            try? await server.shutdown()
            throw error
        }
        try? await server.shutdown()
        log("schedule: requested \(NumberText.fixed(row.requestedRate, 1)) req/s, drawn \(NumberText.fixed(row.scheduledRate, 1)), "
            + "sent at \(NumberText.fixed(row.achievedRate, 1)); send lag p99 \(NumberText.fixed(row.lagP99Ms, 3)) ms")
        return row
    }

    private func measure(baseURL: String, transport: CurlTransport) async throws(SelfBenchError) -> SelfBenchReport.ScheduleRow {
        let plan = try BenchPlan.make(
            baseURL: baseURL, load: .poisson(rate: settings.scheduleRate, requests: settings.scheduleRequests),
            promptTokens: 16, maxTokens: 8)
        guard let target = plan.targets.first, let level = plan.levels.first else {
            throw SelfBenchError("internal selfbench plan has no target or level")
        }
        let offsets = ArrivalProcess.poisson.schedule(
            rate: settings.scheduleRate, count: settings.scheduleRequests, durationNs: nil, seed: level.scheduleSeed)
        let span = Double((offsets.last ?? 0) - (offsets.first ?? 0)) / 1e9
        await Quiescence.wait()
        let runner = LoadRunner(transport: transport, sink: DiscardingSink(), stop: StopSignal(), runID: "selfbench", runStart: MonotonicClock.now())
        let before = ClientCPUMeter.read()
        let summary = await runner.run(target: target, level: level, workload: plan.workload())
        let after = ClientCPUMeter.read()
        let seconds = after.wallSeconds(since: before)
        return SelfBenchReport.ScheduleRow(
            requestedRate: settings.scheduleRate,
            scheduledRate: span > 0 ? Double(offsets.count - 1) / span : settings.scheduleRate,
            achievedRate: summary.sendRate, requests: summary.requests, failures: summary.failed,
            lagP50Ms: summary.sendLag.percentileMs(50), lagP99Ms: summary.sendLag.percentileMs(99),
            lagP999Ms: summary.sendLag.percentileMs(99.9), lagMaxMs: summary.sendLag.maxMs,
            clientCPUPercent: seconds > 0 ? after.clientCPUSeconds(since: before) / seconds * 100 : 0
        )
    }
}
