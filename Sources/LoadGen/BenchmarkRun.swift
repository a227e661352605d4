import CurlTransport
import Dialects
import Foundation
import Metrics
import Results
import Simulator
import Telemetry
import Workload

/// One `repat run`: starts simulated targets, checks remote ones, calibrates prompt lengths if
/// asked, creates the run folder, drives every target through every load level (or a saturation
/// search) with identical work, and writes the results.
///
/// Nothing is written until every check has passed, so bad input never leaves a half-made run
/// folder. Once running, every measured request is on disk before the next progress line.
public struct BenchmarkRun: Sendable {
    /// What a finished (or stopped) run produced.
    public struct Report: Sendable {
        /// The run folder.
        public var directory: RunDirectory
        /// One summary per target and load level actually run, in run order.
        public var summaries: [LevelSummary]
        /// Saturation results, when the scenario asked for a search.
        public var saturation: [RunMetadata.SaturationOutcome]
        /// Completed, interrupted or failed.
        public var status: RunMetadata.Status
        /// Why the run failed, when it did.
        public var failure: String?
    }

    /// A problem that stopped the run before it started; nothing was written.
    public struct SetupError: Error, Sendable, CustomStringConvertible {
        /// One line per problem.
        public var lines: [String]
        /// The lines joined.
        public var description: String { lines.joined(separator: "\n") }
    }

    private let plan: RunPlan
    private let resultsRoot: String
    private let log: @Sendable (String) -> Void
    private let progress: (@Sendable (LevelProgress) -> Void)?
    private let progressInterval: Double
    /// Where local telemetry samplers look (sysfs, procfs, command path); tests point it at a fake
    /// tree and a fake `nvidia-smi`.
    public var telemetryHost = TelemetryHost.current

    /// A run of `plan` writing under `resultsRoot`. Event lines (level start and end, calibration)
    /// go to `log`; snapshots of the level in progress go to `progress` every `progressInterval`
    /// seconds.
    public init(
        plan: RunPlan, resultsRoot: String, progressInterval: Double = 1,
        progress: (@Sendable (LevelProgress) -> Void)? = nil, log: @escaping @Sendable (String) -> Void
    ) {
        self.plan = plan
        self.resultsRoot = resultsRoot
        self.log = log
        self.progress = progress
        self.progressInterval = progressInterval
    }

    /// Runs to the end, or until `stop` fires (first signal: in-flight requests finish; cancelling
    /// the calling task ends them as `cancelled`).
    /// - Throws: ``SetupError`` when a check fails before anything is written.
    public func execute(stop: StopSignal) async throws(SetupError) -> Report {
        let transport = CurlTransport()
        defer { transport.close() }
        var plan = self.plan
        let servers = try await plan.startSimulators(log: log)
        let report: Report
        do {
            report = try await measure(plan, transport: transport, stop: stop)
        } catch {
            for server in servers { try? await server.shutdown() }
            throw error
        }
        for server in servers { try? await server.shutdown() }
        return report
    }

    private func measure(_ plan: RunPlan, transport: CurlTransport, stop: StopSignal) async throws(SetupError) -> Report {
        let unreachable = await Preflight.checkReachable(plan, transport: transport)
        guard unreachable.isEmpty else { throw SetupError(lines: unreachable.map(\.description)) }
        if let problem = Preflight.checkWritable(resultsRoot) { throw SetupError(lines: [problem]) }
        if let warning = Preflight.raiseFileLimit(for: plan) { log(warning) }
        for target in plan.targets where target.options.insecure {
            log("warning: target '\(target.spec.name)' does not verify TLS certificates (insecure: true); recorded in run.json")
        }
        var calibration: RunMetadata.Calibration?
        if plan.scenario.workload.calibration != .none, let first = plan.targets.first {
            do {
                let result = try await TokenCalibrator(transport: transport).calibrate(first, mode: plan.scenario.workload.calibration)
                calibration = RunMetadata.Calibration(target: first.spec.name, method: result.method, tokensPerWord: result.tokensPerWord)
                log("calibration: \(String(format: "%.3f", result.tokensPerWord)) tokens per word on '\(first.spec.name)' (\(result.method))")
            } catch {
                throw SetupError(lines: [error.description])
            }
        }
        let workload = plan.workload(tokensPerWord: calibration?.tokensPerWord ?? 1)

        let startDate = Date()
        let directory: RunDirectory
        let sink: CSVRecordSink
        do {
            directory = try RunDirectory.create(root: resultsRoot, scenarioName: plan.scenario.name, startedAt: startDate)
            sink = try CSVRecordSink(path: directory.requestsCSV)
        } catch {
            throw SetupError(lines: [error.description])
        }
        var metadata = RunMetadata(
            runID: directory.runID, status: .running, scenarioFile: plan.scenario.locations.file,
            scenarioName: plan.scenario.name, seed: plan.scenario.seed, startedAt: startDate,
            host: HostInfo.current(), transport: "\(Curl.versionDescription); \(TransportPriority.summary)",
            targets: plan.targets.map(Self.describe), loadLevels: plan.levels.map(\.label),
            workload: Self.describe(plan.scenario.workload)
        )
        metadata.calibration = calibration
        metadata.scenarioDigest = plan.scenario.sourceDigest
        metadata.slo = plan.scenario.slo.map(Self.describe)
        for (index, target) in plan.targets.enumerated() {
            metadata.targets[index].engineVersion = await EngineVersion.probe(target, transport: transport)
        }
        var failure: String?
        do {
            try metadata.write(to: directory.runJSON)
        } catch {
            failure = error.description
        }
        log("run \(directory.runID): writing \(directory.requestsCSV)")

        let runStart = MonotonicClock.now()
        var telemetry: TelemetrySession?
        if let configuration = Self.telemetryConfiguration(plan) {
            do {
                let csvPath = (directory.path as NSString).appendingPathComponent(TelemetryCSV.fileName)
                telemetry = try TelemetrySession(configuration, csvPath: csvPath, clock: RunClock(startNs: runStart, startDate: Date()), host: telemetryHost)
            } catch {
                failure = failure ?? error.description
            }
        }
        if let telemetry {
            log(telemetry.summaryLine)
            await telemetry.idleBaseline { stop.isStopping }
        }
        let clientCeiling = ClientCeilingCache.load()
        metadata.clientCeiling = clientCeiling
        var session = Session(
            runner: LoadRunner(transport: transport, sink: sink, stop: stop, runID: directory.runID, runStart: runStart),
            sink: sink, stop: stop, workload: workload, slo: plan.scenario.slo, log: log,
            progress: progress, progressInterval: progressInterval, telemetry: telemetry, ceiling: clientCeiling, failure: failure
        )
        var saturation: [RunMetadata.SaturationOutcome] = []
        if let search = plan.search {
            for target in plan.targets where session.mayContinue {
                saturation.append(await session.searchSaturation(target, search: search, plan: plan))
                await telemetry?.targetFinished(target.spec.name)
            }
        } else {
            let order = Self.order(plan)
            for (index, (target, level)) in order.enumerated() where session.mayContinue {
                await session.run(target, level)
                if !order[(index + 1)...].contains(where: { $0.0.spec.name == target.spec.name }) {
                    await telemetry?.targetFinished(target.spec.name)
                }
            }
        }
        sink.close()
        if let telemetry {
            metadata.telemetry = await Self.finishTelemetry(telemetry, summaries: &session.summaries, log: log)
        }

        let status: RunMetadata.Status = session.failure != nil ? .failed : (stop.isStopping || Task.isCancelled) ? .interrupted : .completed
        metadata.status = status
        metadata.endedAt = Timestamp.iso8601(Date())
        metadata.levels = session.outcomes
        metadata.loadLevels = session.summaries.map(\.loadLevel).reduce(into: []) { labels, label in
            if !labels.contains(label) { labels.append(label) }
        }
        metadata.saturation = plan.search == nil ? nil : saturation
        var digest = WorkloadDigest()
        for summary in session.summaries where summary.target == plan.targets.first?.spec.name {
            digest.add(digest: summary.workloadDigest ?? "")
        }
        metadata.workloadDigest = session.summaries.isEmpty ? nil : digest.finalize()
        let rows = zip(session.summaries, session.outcomes).map { SummaryCSV.Row(summary: $0, meetsSLO: $1.meetsSLO, clientHealth: $1.clientHealth) }
        do {
            try AtomicFile.write(Data(SummaryCSV.render(rows).utf8), to: directory.summaryCSV)
            try metadata.write(to: directory.runJSON)
        } catch {
            session.failure = session.failure ?? error.description
        }
        return Report(directory: directory, summaries: session.summaries, saturation: saturation, status: status, failure: session.failure)
    }

    /// Target and level pairs in run order: target by target, or level by level when interleaved.
    static func order(_ plan: RunPlan) -> [(ResolvedTarget, LoadLevel)] {
        if plan.scenario.load.interleaved {
            return plan.levels.flatMap { level in plan.targets.map { ($0, level) } }
        }
        return plan.targets.flatMap { target in plan.levels.map { (target, $0) } }
    }

    private static func describe(_ target: ResolvedTarget) -> RunMetadata.Target {
        RunMetadata.Target(
            name: target.spec.name, dialect: target.spec.dialect, baseURL: target.baseURL,
            model: target.spec.model, stream: target.parameters.stream,
            simulator: target.spec.isSimulated ? Dictionary(target.spec.simulatorOptions.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }) : nil,
            insecureTLS: target.options.insecure ? true : nil
        )
    }

    private static func describe(_ slo: SLOSpec) -> [String: Double] {
        var fields: [String: Double] = [:]
        for limit in slo.limits { fields[limit.field] = limit.maxMs }
        for (metric, value) in slo.perRequest { fields["\(metric)_ms"] = value }
        if let rate = slo.maxErrorRate { fields["max_error_rate"] = rate }
        return fields
    }

    private static func describe(_ workload: WorkloadSpec) -> [String: String] {
        var fields: [String: String] = [
            "max_tokens": "\(workload.maxTokens)",
            "ignore_eos": String(workload.ignoreEOS),
            "turns": String(workload.turns),
            "calibrate": workload.calibration.rawValue,
        ]
        switch workload.source {
        case .synthetic(let promptTokens): fields["prompt_tokens"] = "\(promptTokens)"
        case .dataset(let path, let format): fields["dataset"] = "\(path) (\(format.rawValue))"
        }
        if let prefix = workload.sharedPrefix { fields["shared_prefix"] = "\(prefix.groups) groups of \(prefix.tokens) tokens" }
        return fields
    }
}

/// The mutable part of a run in progress: summaries so far and whether to go on.
private struct Session {
    let runner: LoadRunner
    let sink: CSVRecordSink
    let stop: StopSignal
    let workload: WorkloadGenerator
    let slo: SLOSpec?
    let log: @Sendable (String) -> Void
    let progress: (@Sendable (LevelProgress) -> Void)?
    let progressInterval: Double
    let telemetry: TelemetrySession?
    /// The last `repat selfbench` ceiling, for each level's share of it.
    let ceiling: ClientCeiling?
    var failure: String?
    var summaries: [LevelSummary] = []
    var outcomes: [RunMetadata.LevelOutcome] = []

    var mayContinue: Bool { !stop.isStopping && !Task.isCancelled && failure == nil }

    /// Runs one level and records it; returns its SLO verdict (nil without SLOs).
    @discardableResult
    mutating func run(_ target: ResolvedTarget, _ level: LoadLevel) async -> SLOVerdict? {
        log("\(target.spec.name) \(level.label): \(Self.describe(level))")
        await telemetry?.levelStarting(target: target.spec.name, level: level.label)
        let cpuBefore = ClientCPUMeter.read()
        let summary = await runner.run(target: target, level: level, workload: workload, progressInterval: progressInterval, progress: progress)
        let cpuAfter = ClientCPUMeter.read()
        telemetry?.levelEnded()
        summaries.append(summary)
        let verdict = slo.map { SLOVerdict(slo: $0, summary: summary) }
        outcomes.append(RunMetadata.LevelOutcome(
            target: summary.target, loadLevel: summary.loadLevel, requests: summary.requests,
            warmupRequests: summary.warmupRequests, ok: summary.succeeded, workloadDigest: summary.workloadDigest,
            abortReason: summary.abortReason, meetsSLO: verdict?.passed, sloFailures: verdict?.failures
        ))
        let health = ClientHealth(
            cpuSeconds: cpuAfter.clientCPUSeconds(since: cpuBefore), wallSeconds: cpuAfter.wallSeconds(since: cpuBefore),
            sendLag: summary.sendLag,
            ceilingFraction: ceiling.map { $0.fraction(outputTokensPerSecond: summary.outputTokensPerSecond, requestsPerSecond: summary.requestsPerSecond) })
        outcomes[outcomes.count - 1].clientHealth = health
        log(Self.progressLine(summary, verdict))
        log("\(summary.target) \(summary.loadLevel): \(health.summaryLine)")
        if let reason = summary.abortReason { log("\(summary.target) \(summary.loadLevel): aborted: \(reason)") }
        if let sinkFailure = sink.failure { failure = sinkFailure }
        return verdict
    }

    /// Bisects between the search's rates for the highest that meets the SLOs.
    mutating func searchSaturation(_ target: ResolvedTarget, search: SaturationSearch, plan: RunPlan) async -> RunMetadata.SaturationOutcome {
        var passing: Double?
        var failing: Double?
        var probes = 0
        func level(_ rate: Double) -> LoadLevel {
            defer { probes += 1 }
            return plan.openLevel(rate: rate, probe: probes)
        }
        if let verdict = await run(target, level(search.minRate)), verdict.passed {
            passing = search.minRate
            if mayContinue, let verdict = await run(target, level(search.maxRate)) {
                if verdict.passed { passing = search.maxRate } else { failing = search.maxRate }
            }
            if var low = passing, var high = failing {
                for _ in 0..<search.steps where mayContinue {
                    let middle = ((low + high) / 2 * 1000).rounded() / 1000
                    guard middle > low && middle < high else { break }
                    guard let verdict = await run(target, level(middle)) else { break }
                    if verdict.passed { low = middle } else { high = middle }
                }
                passing = low
                failing = high
            }
        } else {
            failing = search.minRate
        }
        let result = passing.map { "\($0) req/s" } ?? "none (even \(search.minRate) req/s breaks them)"
        log("\(target.spec.name): highest rate meeting the SLOs: \(result)")
        return RunMetadata.SaturationOutcome(target: target.spec.name, maxRate: passing, firstFailingRate: failing)
    }

    private static func describe(_ level: LoadLevel) -> String {
        var parts: [String] = []
        switch level.pattern {
        case .closed(let concurrency, let ramp):
            parts.append("closed loop, concurrency \(concurrency)" + (ramp.map { " (ramp \($0) s)" } ?? ""))
        case .open(let rate, let arrival, let maxInFlight):
            parts.append("open loop, \(rate) req/s \(arrival.name)" + (maxInFlight.map { ", at most \($0) in flight" } ?? ""))
        }
        if let requests = level.requestLimit { parts.append("\(requests) requests") }
        if let duration = level.durationLimit { parts.append("up to \(duration) s") }
        return parts.joined(separator: ", ")
    }

    private static func progressLine(_ summary: LevelSummary, _ verdict: SLOVerdict?) -> String {
        let ttft = summary.ttft.percentileMs(50).map { String(format: "%.1f ms", $0) } ?? "-"
        let lag = summary.sendLag.percentileMs(99).map { String(format: "%.2f ms", $0) } ?? "-"
        var line = "\(summary.target) \(summary.loadLevel): \(summary.requests) requests, \(summary.failed) errors, "
            + String(format: "%.2f req/s, %.1f output tok/s, ", summary.requestsPerSecond, summary.outputTokensPerSecond)
            + "TTFT p50 \(ttft), send lag p99 \(lag)"
        if let sendRate = summary.sendRate {
            line += String(format: ", sent at %.2f req/s", sendRate)
        }
        if let verdict {
            line += verdict.passed ? ", meets SLOs" : ", breaks SLOs (\(verdict.failures.joined(separator: "; ")))"
        }
        return line
    }
}
