import CurlTransport
import Dialects
import Foundation
import Metrics
import Results
import Simulator
import Workload

/// One `repat run`: starts simulated targets, checks remote ones, creates the run folder, drives
/// every target through every load level with identical work, and writes the results.
///
/// Nothing is written until every check has passed, so bad input never leaves a half-made run
/// folder. Once running, every measured request is on disk before the next summary line is printed.
public struct BenchmarkRun: Sendable {
    /// What a finished (or stopped) run produced.
    public struct Report: Sendable {
        /// The run folder.
        public var directory: RunDirectory
        /// One summary per target and load level actually run, in run order.
        public var summaries: [LevelSummary]
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

    /// A run of `plan` writing under `resultsRoot`; progress lines go to `log`.
    public init(plan: RunPlan, resultsRoot: String, log: @escaping @Sendable (String) -> Void) {
        self.plan = plan
        self.resultsRoot = resultsRoot
        self.log = log
    }

    /// Runs to the end, or until `stop` fires (first signal: in-flight requests finish; cancelling
    /// the calling task ends them as `cancelled`).
    /// - Throws: ``SetupError`` when a check fails before anything is written.
    public func execute(stop: StopSignal) async throws(SetupError) -> Report {
        let transport = CurlTransport()
        defer { transport.close() }
        var plan = self.plan
        var servers: [SimulatorServer] = []
        defer {
            for server in servers { Task { try? await server.shutdown() } }
        }
        for index in plan.targets.indices {
            guard let profile = plan.targets[index].simulatorProfile else { continue }
            do {
                let server = try await SimulatorServer.start(profile: profile)
                servers.append(server)
                plan.targets[index].attach(to: server)
                log("simulator for '\(plan.targets[index].spec.name)' listening at \(server.baseURL)")
            } catch {
                throw SetupError(lines: [plan.scenario.problem(at: "targets[\(index)].base_url", "cannot start the built-in simulator: \(error)").description])
            }
        }
        let unreachable = await Preflight.checkReachable(plan, transport: transport)
        guard unreachable.isEmpty else { throw SetupError(lines: unreachable.map(\.description)) }

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
            host: HostInfo.current(), transport: Curl.versionDescription,
            targets: plan.targets.map { target in
                RunMetadata.Target(
                    name: target.spec.name, dialect: target.spec.dialect, baseURL: target.baseURL,
                    model: target.spec.model, stream: target.parameters.stream,
                    simulator: target.spec.isSimulated ? Dictionary(target.spec.simulatorOptions.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }) : nil
                )
            },
            loadLevels: plan.levels.map(\.label),
            workload: [
                "prompt_tokens": String(plan.scenario.workload.promptTokens),
                "max_tokens": String(plan.scenario.workload.maxTokens),
                "ignore_eos": String(plan.scenario.workload.ignoreEOS),
            ]
        )
        var failure: String?
        do {
            try metadata.write(to: directory.runJSON)
        } catch {
            failure = error.description
        }
        log("run \(directory.runID): writing \(directory.requestsCSV)")

        let runner = ClosedLoopRunner(transport: transport, sink: sink, stop: stop, runID: directory.runID, runStart: MonotonicClock.now())
        var summaries: [LevelSummary] = []
        levels: for target in plan.targets {
            for level in plan.levels {
                if stop.isStopping || Task.isCancelled || failure != nil { break levels }
                log("\(target.spec.name) \(level.label): \(describe(level))")
                let summary = await runner.run(target: target, level: level, prompts: plan.prompts)
                summaries.append(summary)
                log(progressLine(summary))
                if let sinkFailure = sink.failure { failure = sinkFailure }
            }
        }
        sink.close()
        let status: RunMetadata.Status = failure != nil ? .failed : (stop.isStopping || Task.isCancelled) ? .interrupted : .completed
        metadata.status = status
        metadata.endedAt = Timestamp.iso8601(Date())
        do {
            try metadata.write(to: directory.runJSON)
        } catch {
            failure = failure ?? error.description
        }
        for server in servers { try? await server.shutdown() }
        servers.removeAll()
        return Report(directory: directory, summaries: summaries, status: status, failure: failure)
    }

    private func describe(_ level: LoadLevel) -> String {
        var limits: [String] = []
        if let requests = level.requestLimit { limits.append("\(requests) requests") }
        if let duration = level.durationLimit { limits.append("up to \(duration) s") }
        return "concurrency \(level.concurrency), " + limits.joined(separator: ", ")
    }

    private func progressLine(_ summary: LevelSummary) -> String {
        let ttft = summary.ttft.percentileMs(50).map { String(format: "%.1f ms", $0) } ?? "-"
        return "\(summary.target) \(summary.loadLevel): \(summary.requests) requests, \(summary.failed) errors, "
            + String(format: "%.2f req/s, %.1f output tok/s, ", summary.requestsPerSecond, summary.outputTokensPerSecond)
            + "TTFT p50 \(ttft)"
    }
}
