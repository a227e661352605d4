import CurlTransport
import Foundation
import LoadGen
import Metrics
import Results
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
        /// One summary per target and load level actually run (per repeat), in run order.
        public var summaries: [LevelSummary]
        /// The rows of `summary.csv`: summary, status, SLO verdict, client health; a repeated
        /// level's pooled row comes before its repeats' rows.
        public var levels: [SummaryCSV.Row]
        /// The scenario's SLO limits; nil without SLOs.
        public var slo: SLOThresholds?
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
    /// The shard this process runs when the run is split over several (`repat run --shard`):
    /// it writes `results/<runID>/shard-i-of-N/` with its histograms for `repat merge`.
    public var shard: ShardSetup?

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
        // Asked while the run sets up and read when it ends, so a slow answer never delays the
        // first request.
        let servedModels = Task { await Self.servedModels(plan, transport: transport) }
        defer { servedModels.cancel() }
        try await checkBeforeWriting(plan, transport: transport)
        let calibration = try await calibrate(plan, transport: transport)
        let workload = plan.workload(tokensPerWord: calibration?.tokensPerWord ?? 1)

        let startDate = Date()
        let directory: RunDirectory
        let sink: CSVRecordSink
        let responses: ResponseLog?
        do {
            if let shard {
                directory = try RunDirectory.createShard(root: resultsRoot, runID: shard.runID, folderName: shard.shard.folderName)
            } else {
                directory = try RunDirectory.create(root: resultsRoot, scenarioName: plan.scenario.name, startedAt: startDate)
            }
            sink = try CSVRecordSink(path: directory.requestsCSV)
            responses = plan.scenario.quality.saveResponses ? try ResponseLog(path: directory.responsesJSONL) : nil
        } catch {
            throw SetupError(lines: [error.description])
        }
        let reserve = SpaceReserve(in: directory)
        var metadata = await RunMetadata.starting(plan, in: directory, at: startDate)
        metadata.calibration = calibration
        metadata.repeats = plan.repeats > 1 ? plan.repeats : nil
        for (index, target) in plan.targets.enumerated() {
            metadata.targets[index].engineVersion = await EngineVersion.probe(target, transport: transport, simulators: plan.simulators)
        }
        if let shard { metadata.shard = await ShardRecorder.info(shard, plan: plan, log: log) }
        var failure: String?
        do {
            try metadata.write(to: directory.runJSON)
        } catch {
            failure = error.description
        }
        log("run \(directory.runID): writing \(directory.requestsCSV)")
        log(plan.estimateLine)

        let runStart = MonotonicClock.now()
        metadata.shard?.runStartUnixNs = ShardClock.unixNs(atMonotonic: runStart)
        let telemetry = startTelemetry(plan, in: directory, runStart: runStart, failure: &failure)
        if let telemetry {
            log(telemetry.summaryLine)
            await telemetry.idleBaseline { stop.isStopping }
        }
        let clientCeiling = ClientCeilingCache.load()
        if clientCeiling == nil { log(ClientHealth.ceilingNotMeasuredNote) }
        metadata.clientCeiling = clientCeiling
        let sinks = RecordSinks(responses.map { [sink, $0] } ?? [sink])
        var session = LevelSession(
            runner: LoadRunner(
                transport: transport, sink: sinks, stop: stop, runID: directory.runID, runStart: runStart, keepsAnswers: responses != nil,
                references: plan.scenario.quality.referenceTarget.map(ReferenceAnswers.init(target:))
            ),
            sink: sinks, stop: stop, workload: workload, slo: plan.scenario.slo, log: log,
            progress: progress, progressInterval: progressInterval, telemetry: telemetry, ceiling: clientCeiling,
            coordinator: shard.map { ShardCoordinator(setup: $0, log: log) }, failure: failure
        )
        let saturation = await Self.runLevels(plan, session: &session, telemetry: telemetry)
        sink.close()
        responses?.close()
        if let telemetry {
            metadata.telemetry = await Self.finishTelemetry(telemetry, summaries: &session.summaries, log: log)
        }

        for (index, served) in await servedModels.value.enumerated() { metadata.targets[index].servedModel = served }
        // Each file is written on its own, so one that cannot be written leaves the other whole,
        // into the space held back for them should the rows have filled the disk.
        reserve?.release()
        let rows = session.summaryRows()
        do {
            if let shard {
                try ShardRecorder.histograms(shard.shard, plan: plan, summaries: session.summaries, workload: workload)
                    .write(to: (directory.path as NSString).appendingPathComponent(ShardHistograms.fileName))
            }
            try AtomicFile.write(Data(SummaryCSV.render(rows).utf8), to: directory.summaryCSV)
        } catch {
            session.failure = session.failure ?? error.description
        }
        let status: RunMetadata.Status = session.failure != nil ? .failed : (stop.isStopping || Task.isCancelled) ? .interrupted : .completed
        metadata.finish(status: status, session: session, saturation: plan.search == nil ? nil : saturation, firstTarget: plan.drivenTargets.first?.spec.name)
        do {
            try metadata.write(to: directory.runJSON)
        } catch {
            session.failure = session.failure ?? error.description
        }
        return Report(
            directory: directory, summaries: session.summaries, levels: rows, slo: SLOThresholds(fields: metadata.slo), saturation: saturation,
            status: status, failure: session.failure
        )
    }

    /// The model each target's server reports serving, in plan order (nil where it does not say).
    private static func servedModels(_ plan: RunPlan, transport: CurlTransport) async -> [ServedModel?] {
        var models: [ServedModel?] = []
        for target in plan.targets { models.append(await ServedModelProbe.probe(target, transport: transport)) }
        return models
    }

    /// Every check that must pass before anything is written: targets reachable, results
    /// writable; raises the open-files limit and warns about unverified TLS.
    private func checkBeforeWriting(_ plan: RunPlan, transport: CurlTransport) async throws(SetupError) {
        let unreachable = await Preflight.checkReachable(plan, transport: transport)
        guard unreachable.isEmpty else { throw SetupError(lines: unreachable.map(\.description)) }
        if let problem = Preflight.checkWritable(resultsRoot) { throw SetupError(lines: [problem]) }
        if let warning = Preflight.raiseFileLimit(for: plan) { log(warning) }
        for target in plan.targets where target.options.insecure {
            log("warning: target '\(target.spec.name)' does not verify TLS certificates (insecure: true); recorded in run.json")
        }
    }

    /// Tokens per generated word on the first target, when the scenario asks for calibration.
    private func calibrate(_ plan: RunPlan, transport: CurlTransport) async throws(SetupError) -> RunMetadata.Calibration? {
        guard plan.scenario.workload.calibration != .none, let first = plan.targets.first else { return nil }
        do {
            let result = try await TokenCalibrator(transport: transport).calibrate(first, mode: plan.scenario.workload.calibration)
            log("calibration: \(String(format: "%.3f", result.tokensPerWord)) tokens per word on '\(first.spec.name)' (\(result.method))")
            return RunMetadata.Calibration(target: first.spec.name, method: result.method, tokensPerWord: result.tokensPerWord)
        } catch {
            throw SetupError(lines: [error.description])
        }
    }

    /// The telemetry session writing `telemetry.csv` in `directory`, when the plan samples any;
    /// a file that cannot be created becomes the run's `failure`.
    private func startTelemetry(_ plan: RunPlan, in directory: RunDirectory, runStart: UInt64, failure: inout String?) -> TelemetrySession? {
        guard let configuration = Self.telemetryConfiguration(plan) else { return nil }
        do {
            let csvPath = (directory.path as NSString).appendingPathComponent(TelemetryCSV.fileName)
            return try TelemetrySession(configuration, csvPath: csvPath, clock: RunClock(startNs: runStart, startDate: Date()), host: telemetryHost)
        } catch {
            failure = failure ?? error.description
            return nil
        }
    }

    /// Every target through every level in run order, or through the saturation search; tells
    /// telemetry when a target has had its last level. Returns the searches' outcomes.
    private static func runLevels(_ plan: RunPlan, session: inout LevelSession, telemetry: TelemetrySession?) async -> [RunMetadata.SaturationOutcome] {
        var saturation: [RunMetadata.SaturationOutcome] = []
        if let search = plan.search {
            for target in plan.drivenTargets where session.mayContinue {
                saturation.append(await session.searchSaturation(target, search: search, plan: plan))
                await telemetry?.targetFinished(target.spec.name)
            }
            return saturation
        }
        let order = Self.order(plan)
        for (index, (target, level)) in order.enumerated() where session.mayContinue {
            await session.run(target, level)
            if !order[(index + 1)...].contains(where: { $0.0.spec.name == target.spec.name }) {
                await telemetry?.targetFinished(target.spec.name)
            }
        }
        return saturation
    }

    /// Target and level pairs in run order (the driven targets: pipelines in place of their
    /// steps' targets): target by target, or level by level when interleaved;
    /// the `quality.reference_target` first, so its answers are there to score the others against.
    /// Repeated levels always go level by level, and within a level round by round: repeat 1 of
    /// every target, then repeat 2 of every target, …, so a slow drift of the machine or the
    /// server falls on every target alike.
    static func order(_ plan: RunPlan) -> [(ResolvedTarget, LoadLevel)] {
        let reference = plan.scenario.quality.referenceTarget
        let driven = plan.drivenTargets
        let targets = driven.filter { $0.spec.name == reference } + driven.filter { $0.spec.name != reference }
        if plan.repeats > 1 {
            return plan.levels.flatMap { level in plan.repeatsOf(level).flatMap { round in targets.map { ($0, round) } } }
        }
        if plan.scenario.load.interleaved {
            return plan.levels.flatMap { level in targets.map { ($0, level) } }
        }
        return targets.flatMap { target in plan.levels.map { (target, $0) } }
    }
}

extension RunMetadata {
    /// Fills in how the run ended: status, end time, the levels run (labels in first-run order),
    /// saturation outcomes and the workload digest over `firstTarget`'s levels.
    fileprivate mutating func finish(status: Status, session: LevelSession, saturation: [SaturationOutcome]?, firstTarget: String?) {
        self.status = status
        failure = session.failure
        endedAt = Timestamp.iso8601(Date())
        levels = session.outcomes
        loadLevels = session.summaries.map(\.loadLevel).reduce(into: []) { labels, label in
            if !labels.contains(label) { labels.append(label) }
        }
        self.saturation = saturation
        var digest = WorkloadDigest()
        // Every repeat of a level sends the same work: the first stands for them all.
        for summary in session.summaries where summary.target == firstTarget && (summary.repetition ?? 1) == 1 {
            digest.add(digest: summary.workloadDigest ?? "")
        }
        workloadDigest = session.summaries.isEmpty ? nil : digest.finalize()
    }
}
