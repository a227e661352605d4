/// Judges a report's figures against the goals of issue 7. A goal whose figure was not measured
/// in this run (a `--quick` run has no 10,000-stream step) is listed with `met` nil and the reason.
enum GoalCheck {
    /// The largest send-rate deviation accepted, as a fraction (0.5%).
    static let rateTolerance = 0.005
    /// Send lag limits, milliseconds.
    static let lagP99Ms = 0.1
    static let lagP999Ms = 1.0
    /// Timestamp error limits (p99, microseconds) by stream count.
    static let errorP99Us: [(streams: Int, limit: Double)] = [(1_000, 100), (10_000, 500)]
    /// Streams to hold at once.
    static let streamsToHold = 10_000
    /// Token events per second one client core must sustain.
    static let eventsPerCore = 250_000.0
    /// Client CPU, percent of a core, per 1,000 streamed tokens/s.
    static let cpuPercentPerThousandTokens = 2.0
    /// A large payload may cost at most this many times the baseline's client CPU per megabyte.
    static let cliffFactor = 2.0

    /// Every goal, in the order.
    static func goals(for report: SelfBenchReport) -> [SelfBenchReport.Goal] {
        var goals: [SelfBenchReport.Goal] = []
        goals += scheduleGoals(report.schedule)
        for (streams, limit) in errorP99Us {
            goals.append(errorGoal(report.timestampError, streams: streams, limitUs: limit))
        }
        goals.append(holdGoal(report.timestampError))
        goals.append(eventsPerCoreGoal(report.ceiling))
        goals.append(cpuPerTokenGoal(report.timestampError))
        goals += cliffGoals(report.payloads)
        return goals
    }

    private static func scheduleGoals(_ row: SelfBenchReport.ScheduleRow?) -> [SelfBenchReport.Goal] {
        let tolerance = "within ±\(NumberText.percent(rateTolerance))"
        guard let row else {
            return ["send rate vs schedule drawn", "send rate vs requested rate", "send lag p99", "send lag p99.9"].map {
                SelfBenchReport.Goal(name: $0, measured: "not measured", target: "-", met: nil)
            }
        }
        func rateGoal(_ name: String, _ deviation: Double?) -> SelfBenchReport.Goal {
            SelfBenchReport.Goal(
                name: name, measured: deviation.map { ($0 >= 0 ? "+" : "") + NumberText.percent($0, 2) } ?? "no rate",
                target: tolerance, met: deviation.map { abs($0) <= rateTolerance })
        }
        return [
            rateGoal("send rate vs schedule drawn", row.deviationFromSchedule),
            rateGoal("send rate vs requested rate", row.deviationFromRequested),
            SelfBenchReport.Goal(
                name: "send lag p99", measured: microseconds(row.lagP99Ms), target: "≤ 100 us",
                met: row.lagP99Ms.map { $0 <= lagP99Ms }),
            SelfBenchReport.Goal(
                name: "send lag p99.9", measured: microseconds(row.lagP999Ms), target: "≤ 1000 us",
                met: row.lagP999Ms.map { $0 <= lagP999Ms }),
        ]
    }

    private static func errorGoal(_ rows: [SelfBenchReport.TimestampErrorRow], streams: Int, limitUs: Double) -> SelfBenchReport.Goal {
        let name = "token timestamp error p99 at \(NumberText.count(streams)) streams"
        let target = "≤ \(NumberText.fixed(limitUs)) us"
        guard let row = rows.first(where: { $0.streamsRequested == streams }) else {
            return SelfBenchReport.Goal(name: name, measured: "not run (use the full benchmark)", target: target, met: nil)
        }
        guard row.streams == streams else {
            return SelfBenchReport.Goal(
                name: name, measured: "\(NumberText.fixed(row.errorP99Us)) us at \(NumberText.count(row.streams)) streams (capped)",
                target: target, met: nil)
        }
        return SelfBenchReport.Goal(
            name: name, measured: "\(NumberText.fixed(row.errorP99Us)) us", target: target,
            met: row.errorP99Us.map { $0 <= limitUs })
    }

    private static func holdGoal(_ rows: [SelfBenchReport.TimestampErrorRow]) -> SelfBenchReport.Goal {
        let peak = rows.map(\.peakOpenStreams).max() ?? 0
        let largest = rows.map(\.streamsRequested).max() ?? 0
        let failures = rows.map(\.failures).reduce(0, +)
        let measured = "\(NumberText.count(peak)) open at once" + (failures > 0 ? ", \(failures) failed" : "")
        let target = "≥ \(NumberText.count(streamsToHold)) streams"
        guard largest >= streamsToHold else {
            return SelfBenchReport.Goal(name: "concurrent streams held", measured: measured + " (largest step run: \(NumberText.count(largest)))", target: target, met: nil)
        }
        return SelfBenchReport.Goal(name: "concurrent streams held", measured: measured, target: target, met: peak >= streamsToHold && failures == 0)
    }

    private static func eventsPerCoreGoal(_ rows: [SelfBenchReport.CeilingRow]) -> SelfBenchReport.Goal {
        let best = rows.filter { $0.shape == CeilingStep.longShape }.max { ($0.eventsPerClientCoreSecond ?? 0) < ($1.eventsPerClientCoreSecond ?? 0) }
        let target = "≥ \(NumberText.count(Int(eventsPerCore))) events/s per core"
        guard let best, let perCore = best.eventsPerClientCoreSecond else {
            return SelfBenchReport.Goal(name: "SSE events per client core", measured: "not measured", target: target, met: nil)
        }
        return SelfBenchReport.Goal(
            name: "SSE events per client core",
            measured: "\(NumberText.count(Int(perCore))) events per client CPU-second (\(NumberText.count(Int(best.eventsPerSecond))) events/s measured at \(NumberText.fixed(best.clientCPUPercent))% client CPU)",
            target: target, met: perCore >= eventsPerCore)
    }

    private static func cpuPerTokenGoal(_ rows: [SelfBenchReport.TimestampErrorRow]) -> SelfBenchReport.Goal {
        // Percent of a core per 1,000 tokens/s is CPU seconds per million tokens divided by 10.
        let steps = rows.compactMap { row in row.clientCPUSecondsPerMillionEvents.map { (row.streams, $0 / 10) } }
        let worst = steps.max { $0.1 < $1.1 }
        let target = "≤ \(NumberText.fixed(cpuPercentPerThousandTokens, 1))% of a core"
        guard let worst else {
            return SelfBenchReport.Goal(name: "client CPU per 1,000 tokens/s", measured: "not measured", target: target, met: nil)
        }
        return SelfBenchReport.Goal(
            name: "client CPU per 1,000 tokens/s",
            measured: "\(NumberText.fixed(worst.1, 2))% of a core (worst step: \(NumberText.count(worst.0)) streams); by step: "
                + steps.map { "\(NumberText.count($0.0)) → \(NumberText.fixed($0.1, 2))%" }.joined(separator: ", "),
            target: target, met: worst.1 <= cpuPercentPerThousandTokens)
    }

    private static func cliffGoals(_ rows: [SelfBenchReport.PayloadRow]) -> [SelfBenchReport.Goal] {
        var goals: [SelfBenchReport.Goal] = []
        var baseline: SelfBenchReport.PayloadRow?
        for row in rows {
            if row.isBaseline {
                baseline = row
                continue
            }
            let target = "≤ \(NumberText.fixed(cliffFactor, 0))× baseline CPU/MB"
            guard let base = baseline?.clientCPUMsPerMegabyte, base > 0, let large = row.clientCPUMsPerMegabyte, row.failures == 0 else {
                goals.append(SelfBenchReport.Goal(name: "no cliff: \(row.name)", measured: row.firstFailure ?? "not measured", target: target, met: nil))
                continue
            }
            goals.append(SelfBenchReport.Goal(
                name: "no cliff: \(row.name)",
                measured: "\(NumberText.fixed(large / base, 2))× (\(NumberText.fixed(large, 2)) vs \(NumberText.fixed(base, 2)) ms/MB)",
                target: target, met: large / base <= cliffFactor))
        }
        return goals
    }

    private static func microseconds(_ ms: Double?) -> String {
        ms.map { NumberText.fixed($0 * 1000) + " us" } ?? "-"
    }
}
