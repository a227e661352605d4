import ArgumentParser
import Foundation
import LoadGen
import Orchestration
import Workload

/// `repat run`'s options for one shard of a run split over several processes or hosts.
struct ShardArguments: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Run one shard of a split run: i/N (shards numbered from 0), or auto: the Slurm array task (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT, SLURM_ARRAY_TASK_MIN) or the Kubernetes Indexed Job pod (JOB_COMPLETION_INDEX of \(Shard.kubernetesCountVariable)).",
        valueName: "i/N|auto"))
    var shard: String?

    @Option(name: .customLong("start-at"), help: ArgumentHelp("With --shard: the UTC wall-clock time all shards start their first level at (ISO 8601, e.g. 2026-12-07T20:30:00Z).", valueName: "time"))
    var startAt: String?

    @Option(name: .long, help: ArgumentHelp("With --shard: a folder every shard can see; before each level, shards check in there and all start once N have.", valueName: "folder"))
    var barrier: String?

    @Option(name: .customLong("barrier-timeout"), help: "Seconds a shard waits at the barrier for the others before giving up.")
    var barrierTimeout: Double = 600

    @Option(name: .customLong("run-id"), help: ArgumentHelp("With --shard: the run id all shards share (they write results/<run-id>/shard-i-of-N/); default: from --start-at, or the Slurm array job id.", valueName: "id"))
    var runID: String?

    func validate() throws {
        if shard == nil, startAt != nil || barrier != nil || runID != nil {
            throw ValidationError("--start-at, --barrier and --run-id apply to a shard: give --shard i/N or --shard auto")
        }
        if startAt != nil, barrier != nil { throw ValidationError("give either --start-at or --barrier, not both") }
        guard barrierTimeout > 0 else { throw ValidationError("--barrier-timeout must be more than zero seconds") }
        if let startAt, Self.date(startAt) == nil {
            throw ValidationError("--start-at: '\(startAt)' is not an ISO 8601 UTC time such as 2026-12-07T20:30:00Z")
        }
        if let runID, runID.isEmpty || runID.contains("/") || runID.hasPrefix(".") {
            throw ValidationError("--run-id: '\(runID)' cannot name a folder (no '/', not empty, no leading '.')")
        }
    }

    /// The shard setup these options describe for `plan`; nil without `--shard`.
    /// - Throws: `ExitCode(2)` after printing why `plan` cannot be split (a saturation search,
    ///   a concurrency below the shard count); `ValidationError` for a shard the environment
    ///   cannot tell or a missing run id.
    func setup(for plan: RunPlan) throws -> ShardSetup? {
        guard let setup = try setup(scenarioName: plan.scenario.name, environment: ProcessInfo.processInfo.environment) else { return nil }
        let problems = setup.problems(plan)
        guard problems.isEmpty else {
            for problem in problems { FileHandleOutput.error(problem) }
            throw ExitCode(2)
        }
        return setup
    }

    private func setup(scenarioName: String, environment: [String: String]) throws -> ShardSetup? {
        guard let shard else { return nil }
        let parsed: Shard
        do {
            parsed = shard == "auto" ? try Shard.fromEnvironment(environment) : try Shard.parse(shard)
        } catch {
            throw ValidationError(error.description)
        }
        let start: ShardSetup.Start = if let startAt, let date = Self.date(startAt) {
            .at(date)
        } else if let barrier {
            .barrier(folder: barrier, timeoutS: barrierTimeout)
        } else {
            .immediately
        }
        let id: String
        if let runID {
            id = runID
        } else if let job = environment["SLURM_ARRAY_JOB_ID"] {
            id = "slurm-\(job)-\(scenarioName)"
        } else if case .at(let date) = start {
            id = ShardSetup.runID(startingAt: date, scenarioName: scenarioName)
        } else {
            throw ValidationError("--shard: give --run-id, the name every shard of this run shares (or --start-at, from which it is made)")
        }
        return ShardSetup(shard: parsed, runID: id, start: start)
    }

    /// `2026-12-07T20:30:00Z`, with or without fractional seconds.
    private static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
