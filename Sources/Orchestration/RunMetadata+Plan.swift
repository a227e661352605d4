import CurlTransport
import Dialects
import Foundation
import LoadGen
import Results
import Workload

/// How a plan is described in `run.json`: targets with credentials stripped, SLO limits and
/// workload settings.
extension RunMetadata {
    /// The `run.json` of `plan` as it starts in `directory` at `startDate`: status `running`,
    /// host and repat commit probed off the task pool.
    static func starting(_ plan: RunPlan, in directory: RunDirectory, at startDate: Date) async -> RunMetadata {
        var metadata = RunMetadata(
            runID: directory.runID, status: .running, scenarioFile: plan.scenario.locations.file,
            scenarioName: plan.scenario.name, seed: plan.scenario.seed, startedAt: startDate,
            host: await HostInfo.probe(), transport: "\(Curl.versionDescription); \(TransportPriority.summary)",
            targets: plan.targets.map(Target.init), loadLevels: plan.levels.map(\.label),
            workload: Self.fields(of: plan.scenario.workload)
        )
        metadata.repatCommit = await RepatVersion.gitCommit()
        metadata.scenarioDigest = plan.scenario.sourceDigest
        metadata.slo = plan.scenario.slo.map(Self.fields)
        metadata.dataClassification = plan.scenario.data?.classification.rawValue
        metadata.allowedJurisdictions = plan.scenario.data?.allowedJurisdictions
        return metadata
    }

    private static func fields(of slo: SLOSpec) -> [String: Double] {
        var fields: [String: Double] = [:]
        for limit in slo.limits { fields[limit.field] = limit.maxMs }
        for (metric, value) in slo.perRequest { fields["\(metric)_ms"] = value }
        if let rate = slo.maxErrorRate { fields["max_error_rate"] = rate }
        return fields
    }

    private static func fields(of workload: WorkloadSpec) -> [String: String] {
        var fields: [String: String] = [
            "max_tokens": "\(workload.maxTokens)",
            "ignore_eos": String(workload.ignoreEOS),
            "turns": String(workload.turns),
            "calibrate": workload.calibration.rawValue,
        ]
        switch workload.source {
        case .synthetic(let promptTokens): fields["prompt_tokens"] = "\(promptTokens)"
        case .dataset(let path, let format): fields["dataset"] = "\(path) (\(format.rawValue))"
        case .trace(let path, let format, let window):
            fields["trace"] = "\(path) (\(format.rawValue))"
            fields["trace_window"] = "from \(window.from) s to \(window.to.map { "\($0) s" } ?? "the end"), speed-up \(window.speedup)"
        case .embeddings(let retrieval):
            fields["embeddings"] = "batches of \(retrieval.batchSize), input tokens \(retrieval.inputTokens), query tokens \(retrieval.queryTokens)"
        }
        if let prefix = workload.sharedPrefix { fields["shared_prefix"] = "\(prefix.groups) groups of \(prefix.tokens) tokens" }
        return fields
    }
}

extension RunMetadata.Target {
    /// `target` as `run.json` lists it: its base URL without credentials, simulator options for
    /// `sim://` targets, a mark when TLS is not verified, and the API it stands in for.
    init(_ target: ResolvedTarget) {
        self.init(
            name: target.spec.name, dialect: target.spec.dialect, baseURL: target.baseURL,
            model: target.spec.model, stream: target.parameters.stream,
            simulator: target.spec.isSimulated ? Dictionary(target.spec.simulatorOptions.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }) : nil,
            insecureTLS: target.options.insecure ? true : nil, standsFor: target.spec.standsFor
        )
        allowTransfer = target.spec.allowTransfer ? true : nil
    }
}
