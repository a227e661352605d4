import Foundation
import LoadGen
import Metrics
import Results
import Telemetry
import Workload

/// The levels of one run as they are measured: runs each through the ``LoadRunner`` between the
/// telemetry marks, records how it ended (completed, interrupted, aborted), judges it against the
/// SLOs (a partial level is judged incomplete), measures the client's own health, logs it, and
/// keeps the summaries and outcomes in run order.
struct LevelSession {
    let runner: LoadRunner
    let sink: any RecordSink
    let stop: StopSignal
    let workload: WorkloadGenerator
    let slo: SLOSpec?
    let log: @Sendable (String) -> Void
    let progress: (@Sendable (LevelProgress) -> Void)?
    let progressInterval: Double
    let telemetry: TelemetrySession?
    /// The last `repat selfbench` ceiling, for each level's share of it.
    let ceiling: ClientCeiling?
    /// When this process is one shard of a split run: which requests are its own and when each
    /// level starts; nil for a whole run.
    var coordinator: ShardCoordinator?
    /// Why the run failed (results no longer writable), once it has.
    var failure: String?
    /// One summary per level run, in run order.
    var summaries: [LevelSummary] = []
    /// The `run.json` outcome of each level, parallel to ``summaries``.
    var outcomes: [RunMetadata.LevelOutcome] = []

    /// Whether another level may start: no stop asked, not cancelled, results still writable.
    var mayContinue: Bool { !stop.isStopping && !Task.isCancelled && failure == nil }

    /// Runs one level and records it; returns its SLO verdict (nil without SLOs).
    ///
    /// The level's status is decided when the runner returns: aborted when the error-rate guard
    /// stopped it, interrupted when a stop was asked, the task cancelled or the results became
    /// unwritable by then (the runner returns early only for those), completed otherwise.
    @discardableResult
    mutating func run(_ target: ResolvedTarget, _ level: LoadLevel) async -> SLOVerdict? {
        var level = level
        var startAt: UInt64?
        if let coordinator {
            level.shard = coordinator.setup.shard
            do {
                startAt = try await coordinator.levelStart(step: summaries.count)
            } catch {
                failure = failure ?? error.description
                return nil
            }
        }
        log("\(target.spec.name) \(level.label)\(level.repetition.map { " repeat \($0)" } ?? ""): \(RunLog.describe(level))")
        await telemetry?.levelStarting(target: target.spec.name, level: level.label)
        let cpuBefore = ClientCPUMeter.read()
        let summary = await runner.run(target: target, level: level, workload: workload, progressInterval: progressInterval, progress: progress, startAt: startAt)
        let cpuAfter = ClientCPUMeter.read()
        telemetry?.levelEnded()
        summaries.append(summary)
        // Read right after the runner returns: a stop, a cancellation or a results file that could
        // not be written, seen now, cut the level short.
        let sinkFailure = sink.failure
        if let sinkFailure { failure = sinkFailure }
        let status = LevelStatus.ended(abortReason: summary.abortReason, stopped: stop.isStopping || Task.isCancelled || sinkFailure != nil)
        let verdict = slo.map { SLOVerdict(slo: $0, summary: summary, status: status) }
        var outcome = RunMetadata.LevelOutcome(
            target: summary.target, loadLevel: summary.loadLevel, requests: summary.requests,
            warmupRequests: summary.warmupRequests, ok: summary.succeeded, workloadDigest: summary.workloadDigest,
            abortReason: summary.abortReason, meetsSLO: verdict.flatMap { $0.result == .incomplete ? nil : $0.passed },
            sloFailures: verdict?.failures, status: status, sloVerdict: verdict?.result, repetition: summary.repetition
        )
        let health = ClientHealth(
            cpuSeconds: cpuAfter.clientCPUSeconds(since: cpuBefore), wallSeconds: cpuAfter.wallSeconds(since: cpuBefore),
            sendLag: summary.sendLag,
            ceilingFraction: ceiling.map { $0.fraction(outputTokensPerSecond: summary.outputTokensPerSecond, requestsPerSecond: summary.requestsPerSecond) })
        outcome.clientHealth = health
        outcome.steps = summary.steps.isEmpty ? nil : summary.steps.map(StepOutcome.init)
        outcomes.append(outcome)
        log(RunLog.levelEnded(summary, verdict, level: level))
        for step in summary.steps { log(RunLog.levelEnded(step, nil, level: level)) }
        log("\(RunLog.name(summary)): \(health.summaryLine)")
        if let line = RunLog.toolsLine(summary) { log(line) }
        if let reason = summary.abortReason { log("\(RunLog.name(summary)): aborted: \(reason)") }
        return verdict
    }

    /// The saturation search for `target`: levels at the rates ``SaturationBisection`` picks,
    /// until it has its answer or the run stops.
    mutating func searchSaturation(_ target: ResolvedTarget, search: SaturationSearch, plan: RunPlan) async -> RunMetadata.SaturationOutcome {
        var probes = 0
        let result = await SaturationBisection.search(search) { rate in
            guard probes == 0 || mayContinue else { return nil }
            defer { probes += 1 }
            guard let verdict = await run(target, plan.openLevel(rate: rate, probe: probes)) else { return nil }
            // A probe the error-rate guard aborted failed at that rate; an interrupted one decides nothing.
            if verdict.result == .incomplete { return outcomes.last?.status == .aborted ? false : nil }
            return verdict.passed
        }
        let answer = result.maxRate.map { "\($0) req/s" }
            ?? (result.firstFailingRate == nil ? "not determined (the search stopped before \(search.minRate) req/s was judged)" : "none (even \(search.minRate) req/s breaks them)")
        log("\(target.spec.name): highest rate meeting the SLOs: \(answer)")
        return RunMetadata.SaturationOutcome(target: target.spec.name, maxRate: result.maxRate, firstFailingRate: result.firstFailingRate)
    }
}
