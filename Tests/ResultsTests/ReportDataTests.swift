import Foundation
import Metrics
@testable import Results
import Testing

/// A small run in memory: two targets (one with a name that needs escaping) at `c1` and `c4`,
/// the second with failures whose messages hold markup and pipes.
enum ReportSample {
    static let hostile = "<b>evil</b> & \"co\""
    static let errorText = "HTTP 500: <script>alert(1)</script> | broken\nline"

    static func run(name: String = "20260101T000000Z-demo") -> RunResults {
        var records: [RequestRecord] = []
        for (targetIndex, target) in ["sim-fast", hostile].enumerated() {
            for (levelIndex, level) in ["c4", "c1"].enumerated() {
                for id in 0..<10 {
                    let start = Double(id) * 0.1
                    let ttft = 10 + Double(id) + Double(targetIndex * 40) + Double(levelIndex * 5)
                    let failed = targetIndex == 1 && level == "c4" && id < 3
                    records.append(RequestRecord(
                        runID: name, target: target, loadLevel: level, requestID: id, scheduledS: start, startS: start,
                        ttftMs: failed ? nil : ttft, e2eMs: failed ? nil : ttft + 90, tpotMs: failed ? nil : 10, durationMs: ttft + 100,
                        outputTokens: failed ? 0 : 10, status: failed ? (id == 0 ? .http429 : .http5xx) : .ok,
                        httpStatus: failed ? (id == 0 ? 429 : 500) : 200, error: failed ? errorText : ""
                    ))
                }
            }
        }
        var metadata = RunMetadata(
            runID: name, status: .completed, scenarioFile: "scenarios/demo.yaml", scenarioName: "demo", seed: 42,
            startedAt: Date(timeIntervalSince1970: 1_767_225_600),
            host: HostInfo(os: "Debian 12", kernel: "6.1", cpuModel: "Test CPU", cpuCores: 2, memoryBytes: 8 << 30),
            transport: "libcurl/8", targets: [
                RunMetadata.Target(name: "sim-fast", dialect: "openai-chat", baseURL: "http://127.0.0.1:8000/v1", model: "m", stream: true, simulator: ["decode_base_ms": "2"]),
                RunMetadata.Target(name: hostile, dialect: "openai-chat", baseURL: "https://user:secret@api.example.com/v1", model: "m", stream: true, simulator: nil),
            ],
            loadLevels: ["c4", "c1"], workload: ["max_tokens": "10"]
        )
        metadata.endedAt = "2026-01-01T00:01:00Z"
        metadata.workloadDigest = "abc123"
        metadata.saturation = [RunMetadata.SaturationOutcome(target: "sim-fast", maxRate: 2.5, firstFailingRate: 3)]
        return RunResults(source: "results/" + name, name: name, metadata: metadata, records: records)
    }
}

@Suite("Report data")
struct ReportDataTests {
    @Test("load level labels are read as concurrency or rate and ordered light to heavy")
    func levels() {
        #expect(ReportLevel("c8").kind == .concurrency)
        #expect(ReportLevel("c8").value == 8)
        #expect(ReportLevel("r2.5").kind == .rate)
        #expect(ReportLevel("r2.5").value == 2.5)
        #expect(ReportLevel("warm").kind == .other)
        let sorted = ["r10", "c16", "r2.5", "c2", "x"].map(ReportLevel.init).sorted().map(\.label)
        #expect(sorted == ["c2", "c16", "r2.5", "r10", "x"])
        #expect(ReportLevel.axisTitle(for: [ReportLevel("r1")]) == "load level (requests/s, open loop)")
    }

    @Test("one line per target, levels sorted, latency samples of successful requests only")
    func lines() throws {
        let data = ReportData(runs: [ReportSample.run()])
        #expect(data.lines.map(\.name) == ["sim-fast", ReportSample.hostile])
        #expect(data.lines.map(\.colour) == [SVGPalette.colour(0), SVGPalette.colour(1)])
        let hostile = data.lines[1]
        #expect(hostile.levels.map(\.level.label) == ["c1", "c4"])
        let heavy = hostile.levels[1]
        #expect(heavy.ttftMs.count == 7)
        #expect(heavy.ttftMs == heavy.ttftMs.sorted())
        #expect(heavy.summary.failed == 3)
        #expect(heavy.httpStatuses[.http5xx] == [500])
        #expect(heavy.firstError[.http429] == ReportSample.errorText)
        #expect(data.failedOutcomes == [.http429, .http5xx])
        #expect(data.hasFailures)
    }

    @Test("with several runs every line is named by run and target")
    func severalRuns() {
        let data = ReportData(runs: [ReportSample.run(name: "a"), ReportSample.run(name: "b")])
        #expect(data.lines.map(\.name) == ["a · sim-fast", "a · \(ReportSample.hostile)", "b · sim-fast", "b · \(ReportSample.hostile)"])
        #expect(Set(data.lines.map(\.colour)).count == 4)
    }

    @Test("an empirical CDF of few samples is a step line from 0 to 1")
    func cdfSteps() {
        #expect(ReportCharts.cdfPoints([5, 9]) == [
            SVGPoint(x: 5, y: 0), SVGPoint(x: 5, y: 0.5), SVGPoint(x: 9, y: 0.5), SVGPoint(x: 9, y: 1),
        ])
        let many = ReportCharts.cdfPoints((1...1000).map(Double.init))
        #expect(many.count == ReportCharts.maxCDFPoints + 1)
        #expect(many.first?.y == 0)
        #expect(many.last == SVGPoint(x: 1000, y: 1))
    }

    @Test("CDFs thin out many levels to an even selection keeping the lightest and heaviest")
    func cdfLevelSelection() {
        let records = (1...9).map { level in
            RequestRecord(runID: "r", target: "t", loadLevel: "r\(level)", requestID: 0, scheduledS: 0, startS: 0, ttftMs: 1, e2eMs: 2, durationMs: 2, outputTokens: 1, status: .ok)
        }
        let data = ReportData(runs: [RunResults(source: "x", name: "x", metadata: nil, records: records)])
        let chosen = ReportCharts.cdfLevels(data).map(\.label)
        #expect(chosen.count == ReportCharts.maxCDFLevels)
        #expect(chosen.first == "r1")
        #expect(chosen.last == "r9")
    }
}
