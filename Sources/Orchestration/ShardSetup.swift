import Foundation
import LoadGen
import Results
import Workload

/// How one shard of a split run (`repat run --shard i/N`) runs: which shard, under which common
/// run id, and how its levels start together with the other shards'.
public struct ShardSetup: Sendable {
    /// How the shards' levels start together.
    public enum Start: Sendable, Equatable {
        /// Each level as soon as this shard is ready (one shard alone, or a test).
        case immediately
        /// The first level at this wall-clock time (UTC); later levels as each shard finishes
        /// the one before.
        case at(Date)
        /// Every level when all shards have checked in at this shared folder (see ``ShardBarrier``),
        /// waiting at most `timeoutS` seconds.
        case barrier(folder: String, timeoutS: Double)
    }

    /// This process's shard.
    public var shard: Shard
    /// The run id every shard shares: the run folder is `results/<runID>/`, this shard's
    /// `results/<runID>/shard-i-of-N/`.
    public var runID: String
    /// How levels start.
    public var start: Start

    /// Creates a setup.
    public init(shard: Shard, runID: String, start: Start) {
        self.shard = shard
        self.runID = runID
        self.start = start
    }

    /// `start-at 2026-12-07T20:00:00.000Z`, `barrier /shared/run-1/barrier` or `immediately`,
    /// as the shard's `run.json` records it.
    public var startDescription: String {
        switch start {
        case .immediately: "immediately"
        case .at(let date): "start-at \(Timestamp.iso8601(date))"
        case .barrier(let folder, _): "barrier \(folder)"
        }
    }

    /// Why `plan` cannot be split into these shards, one line each: a saturation search needs
    /// one process to pick each next rate; a closed-loop concurrency or an open-loop
    /// `max_in_flight` below the shard count would leave a shard with nothing to run.
    public func problems(_ plan: RunPlan) -> [String] {
        var problems: [String] = []
        if plan.search != nil {
            problems.append("--shard: a saturation search cannot be split over shards (one process must judge each rate before picking the next); give fixed load levels")
        }
        for level in plan.levels {
            switch level.pattern {
            case .closed(let concurrency, _) where concurrency < shard.count:
                problems.append("--shard: level \(level.label) has concurrency \(concurrency), below the \(shard.count) shards: each shard needs at least one worker")
            case .open(_, _, let maxInFlight?) where maxInFlight < shard.count, .fixed(_, let maxInFlight?) where maxInFlight < shard.count:
                problems.append("--shard: max_in_flight \(maxInFlight) is below the \(shard.count) shards: each shard needs at least one request in flight")
            default:
                break
            }
        }
        return problems
    }

    /// Warnings for a plan that can be split but not evenly: a closed-loop concurrency that is
    /// not a multiple of the shard count (the shards with fewer workers finish their equal share
    /// of requests later, stretching the level's window), or shards that start unaligned.
    public func warnings(_ plan: RunPlan) -> [String] {
        var warnings: [String] = []
        for level in plan.levels {
            if case .closed(let concurrency, _) = level.pattern, concurrency % shard.count != 0 {
                warnings.append("warning: level \(level.label): concurrency \(concurrency) does not divide among \(shard.count) shards; shards with fewer workers take longer over their equal share of requests")
            }
        }
        if start == .immediately, shard.count > 1 {
            warnings.append("warning: shard \(shard) starts each level as soon as it is ready: without --barrier or --start-at, shards are not aligned")
        }
        return warnings
    }

    /// A run id for shards started at the same `date` (`--start-at`): the form a single run's id
    /// takes, `20261207T200000Z-<scenario>`.
    public static func runID(startingAt date: Date, scenarioName: String) -> String {
        "\(Timestamp.compactUTC(date))-\(scenarioName)"
    }
}
