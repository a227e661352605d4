@testable import SelfBench
import Testing

/// The goals table on synthetic reports: what counts as met, not met, or not measured.
@Suite("selfbench goals")
struct GoalCheckTests {
    private func report() -> SelfBenchReport {
        SelfBenchReport(date: "2026-11-23T00:00:00.000Z", mode: "test", host: "test", fileLimit: "test")
    }

    private func errorRow(requested: Int, streams: Int, p99: Double) -> SelfBenchReport.TimestampErrorRow {
        SelfBenchReport.TimestampErrorRow(
            streamsRequested: requested, streams: streams, peakOpenStreams: streams, interTokenMs: 10, tokens: 1_000,
            errorP50Us: p99 / 2, errorP99Us: p99, errorP999Us: p99 * 2, errorMaxUs: p99 * 3, coalescedFraction: 0,
            eventsPerSecond: 1_000, clientCPUPercent: 5, simulatorCPUPercent: 5, clientCPUSecondsPerMillionEvents: 12, failures: 0,
            firstFailure: nil)
    }

    private func goal(_ name: String, in report: SelfBenchReport) throws -> SelfBenchReport.Goal {
        try #require(GoalCheck.goals(for: report).first { $0.name == name })
    }

    @Test("an empty report lists every goal but the payload ones (one per large case) as not measured")
    func emptyReport() {
        let goals = GoalCheck.goals(for: report())
        #expect(goals.count == 9)
        #expect(goals.allSatisfy { $0.met == nil })
    }

    @Test("timestamp error is judged at 1,000 streams; a step capped below 10,000 is not judged")
    func errorGoals() throws {
        var report = report()
        report.timestampError = [errorRow(requested: 1_000, streams: 1_000, p99: 80), errorRow(requested: 10_000, streams: 9_744, p99: 300)]
        #expect(try goal("token timestamp error p99 at 1,000 streams", in: report).met == true)
        let capped = try goal("token timestamp error p99 at 10,000 streams", in: report)
        #expect(capped.met == nil)
        #expect(capped.measured.contains("capped"))
        #expect(try goal("concurrent streams held", in: report).met == false)
        report.timestampError[0].errorP99Us = 150
        #expect(try goal("token timestamp error p99 at 1,000 streams", in: report).met == false)
    }

    @Test("the send rate is judged against the schedule drawn and against the requested rate, within 0.5%")
    func scheduleGoals() throws {
        var report = report()
        report.schedule = SelfBenchReport.ScheduleRow(
            requestedRate: 500, scheduledRate: 490, achievedRate: 491, requests: 5_000, failures: 0,
            lagP50Ms: 0.02, lagP99Ms: 0.09, lagP999Ms: 1.5, lagMaxMs: 3, clientCPUPercent: 20)
        #expect(try goal("send rate vs schedule drawn", in: report).met == true)
        #expect(try goal("send rate vs requested rate", in: report).met == false)
        #expect(try goal("send lag p99", in: report).met == true)
        #expect(try goal("send lag p99.9", in: report).met == false)
    }

    @Test("CPU per 1,000 tokens/s is CPU seconds per million tokens over 10, judged on the worst step")
    func cpuGoal() throws {
        var report = report()
        report.timestampError = [errorRow(requested: 1, streams: 1, p99: 50), errorRow(requested: 100, streams: 100, p99: 50)]
        report.timestampError[0].clientCPUSecondsPerMillionEvents = 12
        report.timestampError[1].clientCPUSecondsPerMillionEvents = 25
        let cpu = try goal("client CPU per 1,000 tokens/s", in: report)
        #expect(cpu.met == false)
        #expect(cpu.measured == "2.50% of a core (worst step: 100 streams); by step: 1 → 1.20%, 100 → 2.50%")
    }

    @Test("a large payload costing more than twice the baseline's CPU per MB is a cliff")
    func cliffGoals() throws {
        var report = report()
        func row(_ name: String, baseline: Bool, msPerMB: Double) -> SelfBenchReport.PayloadRow {
            SelfBenchReport.PayloadRow(name: name, isBaseline: baseline, requests: 10, failures: 0, megabytesPerSecond: 50, clientCPUMsPerMegabyte: msPerMB, clientCPUPercent: 10, firstFailure: nil)
        }
        report.payloads = [
            row("prompt 1K tokens", baseline: true, msPerMB: 2), row("prompt 128K tokens", baseline: false, msPerMB: 1),
            row("events ~200 B", baseline: true, msPerMB: 10), row("events 96 KiB", baseline: false, msPerMB: 25),
        ]
        #expect(try goal("no cliff: prompt 128K tokens", in: report).met == true)
        #expect(try goal("no cliff: events 96 KiB", in: report).met == false)
    }
}
