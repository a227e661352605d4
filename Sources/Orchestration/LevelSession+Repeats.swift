import Metrics
import Results

extension LevelSession {
    /// The rows of `summary.csv` and the final table, in run order of each level's first run: a
    /// level that ran once is its own row; a repeated level gets a row pooling its repeats
    /// (`repeat` empty), then one row per repeat. Lines for the pooled levels go to ``log``.
    ///
    /// The pooled row adds the repeats' requests and distributions and sums their wall times (see
    /// ``LevelSummary/pool(_:)``); it is aborted when a repeat was, else interrupted when one was;
    /// its SLO verdict judges the pooled figures; its client health sums the repeats' CPU and wall
    /// time.
    func summaryRows() -> [SummaryCSV.Row] {
        var order: [LevelKey] = []
        var repeats: [LevelKey: [Int]] = [:]
        for (index, summary) in summaries.enumerated() {
            let key = LevelKey(target: summary.target, level: summary.loadLevel, repeated: summary.repetition != nil)
            if repeats[key] == nil { order.append(key) }
            repeats[key, default: []].append(index)
        }
        return order.flatMap { key -> [SummaryCSV.Row] in
            let indices = repeats[key] ?? []
            let rows = indices.map { SummaryCSV.Row(summary: summaries[$0], outcome: outcomes[$0]) }
            guard key.repeated else { return rows }
            return [pooledRow(indices)] + rows
        }
    }

    /// The row pooling the repeats at `indices` of ``summaries``.
    private func pooledRow(_ indices: [Int]) -> SummaryCSV.Row {
        let parts = indices.map { summaries[$0] }
        var pooled = LevelSummary(target: parts[0].target, loadLevel: parts[0].loadLevel, goodput: parts[0].goodputCriteria)
        for part in parts { pooled.pool(part) }
        pooled.telemetry = LevelTelemetry.pooled(parts.map { ($0.telemetry, $0.durationS) })
        let digests = Set(parts.map(\.workloadDigest))
        pooled.workloadDigest = digests.count == 1 ? parts[0].workloadDigest : nil
        let statuses = indices.map { outcomes[$0].levelStatus }
        let status: LevelStatus = statuses.contains(.aborted) ? .aborted : statuses.contains(.interrupted) ? .interrupted : .completed
        let verdict = slo.map { SLOVerdict(slo: $0, summary: pooled, status: status) }
        let healths = indices.compactMap { outcomes[$0].clientHealth }
        let health = healths.count == indices.count ? ClientHealth(
            cpuSeconds: healths.reduce(0) { $0 + $1.cpuSeconds }, wallSeconds: healths.reduce(0) { $0 + $1.wallSeconds },
            sendLag: pooled.sendLag,
            ceilingFraction: ceiling.map { $0.fraction(outputTokensPerSecond: pooled.outputTokensPerSecond, requestsPerSecond: pooled.requestsPerSecond) }
        ) : nil
        log(RunLog.levelEnded(pooled, verdict, pooledRepeats: parts.count))
        return SummaryCSV.Row(summary: pooled, status: status, slo: verdict?.result, sloFailures: verdict?.failures ?? [], clientHealth: health)
    }
}

/// A target and level label, and whether that level was repeated.
private struct LevelKey: Hashable {
    var target: String
    var level: String
    var repeated: Bool
}
