import Foundation
import Metrics
@testable import Results
import Testing

/// The sample run with SLOs (`ttft_p99_ms: 20`, error rate 10%) and per-level verdicts, its
/// `run.json` written and read back as `repat report` reads it: `sim-fast c1` broke the TTFT
/// limit, `c4` met it, the other target's `c4` was interrupted.
private func judgedRun() throws -> RunResults {
    var run = ReportSample.run()
    var metadata = try #require(run.metadata)
    metadata.status = .interrupted
    metadata.slo = ["ttft_p99_ms": 20, "max_error_rate": 0.1]
    func outcome(_ target: String, _ level: String, status: LevelStatus, verdict: SLOResult, failures: [String]) -> RunMetadata.LevelOutcome {
        RunMetadata.LevelOutcome(
            target: target, loadLevel: level, requests: 10, warmupRequests: 0, ok: 10, workloadDigest: nil, abortReason: nil,
            meetsSLO: verdict == .incomplete ? nil : verdict == .met, sloFailures: failures, status: status, sloVerdict: verdict
        )
    }
    metadata.levels = [
        outcome("sim-fast", "c4", status: .completed, verdict: .met, failures: []),
        outcome("sim-fast", "c1", status: .completed, verdict: .missed, failures: ["ttft_p99_ms 24.0 > 20.0"]),
        outcome(ReportSample.hostile, "c4", status: .completed, verdict: .met, failures: []),
        outcome(ReportSample.hostile, "c1", status: .interrupted, verdict: .incomplete, failures: ["ttft_p99_ms 64.0 > 20.0"]),
    ]
    let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("repat-slo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = (folder as NSString).appendingPathComponent("run.json")
    try metadata.write(to: path)
    run.metadata = try RunMetadata.read(from: path)
    return run
}

@Suite("SLO verdicts and level status in every output")
struct SLOOutputTests {
    @Test("run.json's meets_slo, status and slo_verdict read back as written (meets_slo was lost on reading)")
    func runJSONRoundTrip() throws {
        let levels = try #require(try judgedRun().metadata?.levels)
        #expect(levels.map(\.meetsSLO) == [true, false, true, nil])
        #expect(levels.map(\.levelStatus) == [.completed, .completed, .completed, .interrupted])
        #expect(levels.map(\.sloResult) == [.met, .missed, .met, .incomplete])
    }

    @Test("an old run.json without status or slo_verdict still yields a verdict; an aborted level is partial")
    func olderLevels() {
        var level = RunMetadata.LevelOutcome(
            target: "t", loadLevel: "c1", requests: 3, warmupRequests: 0, ok: 1, workloadDigest: nil, abortReason: "error rate 66%", meetsSLO: true, sloFailures: []
        )
        #expect(level.levelStatus == .aborted)
        #expect(level.sloResult == .incomplete, "a partial level is never judged met")
        level.abortReason = nil
        #expect(level.sloResult == .met)
    }

    @Test("the report's summary and level tables show the verdict, naming the broken limit, and each level's status")
    func reportTables() throws {
        let run = try judgedRun()
        let summary = ReportTables.summary(ReportData(runs: [run]))
        let status = try #require(summary.headings.firstIndex(of: "status"))
        let slo = try #require(summary.headings.firstIndex(of: "SLO"))
        #expect(summary.rows.map { [$0[0], $0[1], $0[status], $0[slo]] } == [
            ["sim-fast", "c1", "completed", "missed: ttft_p99_ms 24.0 > 20.0"], ["sim-fast", "c4", "completed", "met"],
            [ReportSample.hostile, "c1", "interrupted", "incomplete (interrupted)"], [ReportSample.hostile, "c4", "completed", "met"],
        ])
        let levels = ReportTables.levelOutcomes(run)
        let column = try #require(levels.headings.firstIndex(of: "SLO"))
        #expect(levels.rows.map { $0[column] } == ["met", "missed: ttft_p99_ms 24.0 > 20.0", "met", "incomplete (interrupted)"])
        #expect(!levels.rows.contains { $0[column] == "-" })
        #expect(ReportTables.metadata(run).rows.contains(["SLOs", "ttft_p99_ms ≤ 20 ms, error rate ≤ 10%"]))
    }

    @Test("HTML and Markdown reports carry the verdicts, the limits and a warning about partial levels")
    func reportPages() throws {
        let data = ReportData(runs: [try judgedRun()])
        let html = ReportHTML.render(data)
        let markdown = ReportMarkdown.render(data)
        for page in [html, markdown] {
            #expect(page.contains("missed: ttft_p99_ms 24.0 &gt; 20.0"))
            #expect(page.contains("incomplete (interrupted)"))
            #expect(page.contains("ttft_p99_ms ≤ 20 ms, error rate ≤ 10%"))
            #expect(page.contains("Some levels did not complete"))
        }
        let complete = ReportData(runs: [ReportSample.run()])
        #expect(!ReportHTML.render(complete).contains("Some levels did not complete"))
    }

    @Test("the TTFT CDF draws the SLO limit as a labelled line; the other CDFs, with no limit, do not")
    func cdfLine() throws {
        let data = ReportData(runs: [try judgedRun()])
        let ttft = ReportCharts.cdf(.ttft, data)
        let line = try #require(ttft.series.first { $0.name == "SLO ttft_p99_ms ≤ 20 ms" })
        #expect(line.points == [SVGPoint(x: 20, y: 0), SVGPoint(x: 20, y: 1)])
        let svg = ttft.render()
        #expect(svg.contains("data-series=\"SLO ttft_p99_ms ≤ 20 ms\""))
        #expect(svg.contains("p99 ≤ 20"))
        #expect(ttft.legend.contains { $0.name == "SLO ttft_p99_ms ≤ 20 ms" })
        #expect(!ReportCharts.cdf(.e2e, data).render().contains("SLO"))
        #expect(!ReportCharts.cdf(.ttft, ReportData(runs: [ReportSample.run()])).render().contains("SLO"))
    }

    @Test("summary.csv has status, meets_slo (true/false/incomplete) and slo_failures per level")
    func summaryCSV() throws {
        var summary = LevelSummary(target: "t", loadLevel: "c1")
        summary.add(RequestRecord(runID: "r", target: "t", loadLevel: "c1", requestID: 0, scheduledS: 0, startS: 0, ttftMs: 30, e2eMs: 40, durationMs: 40, outputTokens: 2, status: .ok), gapsNs: [])
        let text = SummaryCSV.render([
            SummaryCSV.Row(summary: summary, status: .completed, slo: .missed, sloFailures: ["ttft_p99_ms 30.0 > 20.0", "e2e_p99_ms 40.0 > 35.0"]),
            SummaryCSV.Row(summary: summary, status: .interrupted, slo: .incomplete),
            SummaryCSV.Row(summary: summary, status: .completed, slo: nil),
        ])
        let table = try CSVTable.parse(text)
        let cells = table.rows.map { Dictionary(zip(table.header, $0), uniquingKeysWith: { first, _ in first }) }
        #expect(cells.map { $0["status"] } == ["completed", "interrupted", "completed"])
        #expect(cells.map { $0["meets_slo"] } == ["false", "incomplete", ""])
        #expect(cells[0]["slo_failures"] == "ttft_p99_ms 30.0 > 20.0; e2e_p99_ms 40.0 > 35.0")
        #expect(SLOResult(csvCell: "incomplete") == .incomplete && SLOResult(csvCell: "") == nil)
    }

    @Test("the final table shows status and SLO per level, the limits, and a note when a level ended early")
    func finalTable() throws {
        var summary = LevelSummary(target: "t", loadLevel: "c1")
        summary.add(RequestRecord(runID: "r", target: "t", loadLevel: "c1", requestID: 0, scheduledS: 0, startS: 0, ttftMs: 30, e2eMs: 40, durationMs: 40, outputTokens: 2, status: .ok), gapsNs: [])
        var second = summary
        second.loadLevel = "c4"
        let slo = try #require(SLOThresholds(fields: ["ttft_p99_ms": 20, "ttft_ms": 500]))
        let text = SummaryTable.render([
            SummaryCSV.Row(summary: summary, status: .completed, slo: .missed, sloFailures: ["ttft_p99_ms 30.0 > 20.0"]),
            SummaryCSV.Row(summary: second, status: .interrupted, slo: .incomplete),
        ], slo: slo)
        let lines = text.split(separator: "\n").map(String.init)
        try #require(lines.count == 5)
        #expect(lines[0].contains("status       SLO"))
        #expect(lines[1].hasSuffix("completed    missed: ttft_p99_ms 30.0 > 20.0"))
        #expect(lines[2].contains("interrupted  incomplete (interrupted)"))
        #expect(lines[3] == "SLOs: ttft_ms ≤ 500 ms per request, ttft_p99_ms ≤ 20 ms (TTFT and E2E judged from the scheduled send, as ttft_sched/e2e_sched in summary.csv)")
        #expect(lines[4].hasPrefix("Levels not completed ended early") && lines[4].hasSuffix("not judged against the SLOs."))
    }

    @Test("run.json's SLO fields become percentile and per-request limits")
    func thresholds() throws {
        let slo = try #require(SLOThresholds(fields: ["e2e_p99.9_ms": 900, "tpot_ms": 50, "max_error_rate": 0.015]))
        #expect(slo.limits(on: "e2e").map(\.percentile) == [99.9])
        #expect(slo.limits(on: "tpot").map(\.percentile) == [nil])
        #expect(slo.summary == "e2e_p99.9_ms ≤ 900 ms, tpot_ms ≤ 50 ms per request, error rate ≤ 1.5%")
        #expect(SLOThresholds(fields: nil) == nil && SLOThresholds(fields: [:]) == nil)
    }
}
