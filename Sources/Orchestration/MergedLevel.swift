import Metrics
import Results
import Workload

/// One target at one level, merged over the shards that ran it: the shards' summaries added
/// (histograms bucket by bucket, windows on the common zero), its status the worst of theirs, its
/// SLO verdict judged on the sum, the client health of all shards together.
struct MergedLevel: Sendable {
    /// The added summary.
    var summary: LevelSummary
    /// Its `run.json` entry.
    var outcome: RunMetadata.LevelOutcome

    /// Its `summary.csv` row.
    var row: SummaryCSV.Row { SummaryCSV.Row(summary: summary, outcome: outcome) }

    /// Every level run, in run order: level `k` is the `k`-th of each shard's `histograms.json`
    /// (a shard that stopped early has fewer). `shifts` move each shard's times to the common
    /// zero (seconds); a level whose shards stopped unevenly gets no digest and a note.
    /// - Throws: ``ShardMerge/Failure`` when shards ran different levels at one position or hold
    ///   different work for the same requests.
    static func all(_ shards: [ShardFolder], shifts: [Double], slo: SLOSpec?, notes: inout [String]) throws(ShardMerge.Failure) -> [MergedLevel] {
        let count = shards.map(\.histograms.levels.count).max() ?? 0
        var levels: [MergedLevel] = []
        for position in 0..<count {
            levels.append(try merge(position, shards: shards, shifts: shifts, slo: slo, notes: &notes))
        }
        return levels
    }

    private static func merge(_ position: Int, shards: [ShardFolder], shifts: [Double], slo: SLOSpec?, notes: inout [String]) throws(ShardMerge.Failure) -> MergedLevel {
        let ran = zip(shards, shifts).filter { $0.0.histograms.levels.count > position }
        let first = ran[0].0.histograms.levels[position].summary
        var summary = first.shifted(bySeconds: ran[0].1)
        var statuses: [LevelStatus] = []
        var cpuSeconds = 0.0
        var wallSeconds = 0.0
        var saturation: [String] = []
        for (index, (shard, shift)) in ran.enumerated() {
            let level = shard.histograms.levels[position].summary
            guard level.target == first.target, level.loadLevel == first.loadLevel else {
                throw ShardMerge.Failure("\(shard.path): level \(position + 1) is \(level.target) \(level.loadLevel), in shard \(ran[0].0.shard) \(first.target) \(first.loadLevel)")
            }
            if index > 0 { summary.merge(level.shifted(bySeconds: shift)) }
            let outcome = shard.metadata.levels.count > position ? shard.metadata.levels[position] : nil
            statuses.append(outcome?.levelStatus ?? .interrupted)
            if let health = outcome?.clientHealth {
                cpuSeconds += health.cpuSeconds
                wallSeconds = max(wallSeconds, health.wallSeconds)
                saturation += health.reasons.map { "shard \(shard.shard): \($0)" }
            }
        }
        if ran.count < shards.count { statuses.append(.interrupted) }
        // Per-host figures (power, energy) do not add across client hosts: see telemetry.csv.
        summary.telemetry = nil
        summary.workloadDigest = try digest(position, shards: shards, label: "\(first.target) \(first.loadLevel)", notes: &notes)
        let status: LevelStatus = statuses.contains(.aborted) ? .aborted : statuses.contains(.interrupted) ? .interrupted : .completed
        let verdict = slo.map { SLOVerdict(slo: $0, summary: summary, status: status) }
        var outcome = RunMetadata.LevelOutcome(
            target: summary.target, loadLevel: summary.loadLevel, requests: summary.requests, warmupRequests: summary.warmupRequests,
            ok: summary.succeeded, workloadDigest: summary.workloadDigest, abortReason: summary.abortReason,
            meetsSLO: verdict.flatMap { $0.result == .incomplete ? nil : $0.passed }, sloFailures: verdict?.failures, status: status,
            sloVerdict: verdict?.result
        )
        var health = ClientHealth(cpuSeconds: cpuSeconds, wallSeconds: wallSeconds, sendLag: summary.sendLag, ceilingFraction: nil)
        // The shards' CPU adds up over several processes (and hosts): saturated when one was.
        health.saturated = !saturation.isEmpty
        health.reasons = saturation
        outcome.clientHealth = health
        return MergedLevel(summary: summary, outcome: outcome)
    }

    /// The digest of the union of the shards' requests at `position`: when the union is a prefix
    /// `0..<M` of the level's requests, every shard left the digest of that prefix and they must
    /// agree; otherwise (shards stopped at uneven points) there is none, and a note says so.
    private static func digest(_ position: Int, shards: [ShardFolder], label: String, notes: inout [String]) throws(ShardMerge.Failure) -> String? {
        let levels = shards.map { $0.histograms.levels.count > position ? $0.histograms.levels[position] : nil }
        let union = levels.reduce(0) { $0 + ($1.map { $0.summary.items } ?? 0) }
        let digests = levels.map { $0?.prefixDigests[String(union)] }
        guard !digests.contains(nil) else {
            notes.append("\(label): the shards stopped at uneven points, so their \(union) requests are not the first \(union) of the level: no workload digest")
            return nil
        }
        for (shard, digest) in zip(shards, digests).dropFirst() where digest != digests[0] {
            throw ShardMerge.Failure("\(shard.path): level \(label) holds other prompts or schedules than shard \(shards[0].shard) for the same requests (another dataset, calibration or scenario file?)")
        }
        return digests[0]
    }
}
