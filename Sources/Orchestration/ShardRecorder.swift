import Foundation
import LoadGen
import Metrics
import Results
import Workload

/// What a shard records for `repat merge` beside its rows: its entry in `run.json` (which shard,
/// on which host, how it started, its clock's state) and `histograms.json`.
enum ShardRecorder {
    /// The shard's `run.json` entry, the clock probed off the task pool; logs the clock warning
    /// and the plan's uneven splits, when there are any. The run's zero (`runStartUnixNs`) is filled in when the run starts.
    static func info(_ setup: ShardSetup, plan: RunPlan, log: @Sendable (String) -> Void) async -> ShardInfo {
        for warning in setup.warnings(plan) { log(warning) }
        let clock = await ClockSync.probe()
        if let warning = clock.warning { log(warning) }
        return ShardInfo(
            index: setup.shard.index, count: setup.shard.count, hostname: ProcessInfo.processInfo.hostName, runStartUnixNs: 0,
            start: setup.startDescription, clockSync: clock
        )
    }

    /// `histograms.json`: every level run, in run order (the plan's target and level order),
    /// with its summary and the prefix digests merge picks the union's from.
    static func histograms(_ shard: Shard, plan: RunPlan, summaries: [LevelSummary], workload: WorkloadGenerator) -> ShardHistograms {
        let levels = zip(BenchmarkRun.order(plan), summaries).map { pair, summary in
            var level = pair.1
            level.shard = shard
            let digests = ShardDigests.prefixDigests(level: level, shard: shard, sent: summary.items, workload: workload)
            return ShardHistograms.Level(summary: summary, prefixDigests: digests)
        }
        return ShardHistograms(levels: levels)
    }
}
