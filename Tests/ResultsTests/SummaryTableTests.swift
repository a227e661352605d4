import Foundation
import Metrics
import Results
import Testing

private func okRecord(_ id: Int, start: Double, ttftMs: Double, e2eMs: Double, tokens: Int) -> RequestRecord {
    RequestRecord(
        runID: "r", target: "sim-fast", loadLevel: "c2", requestID: id, scheduledS: start, startS: start, ttftMs: ttftMs,
        e2eMs: e2eMs, tpotMs: (e2eMs - ttftMs) / Double(tokens - 1), durationMs: e2eMs, outputTokens: tokens, status: .ok
    )
}

@Suite("Summary table")
struct SummaryTableTests {
    @Test("columns are aligned, numbers right-aligned, and empty distributions shown as -")
    func rendering() throws {
        var busy = LevelSummary(target: "sim-fast", loadLevel: "c2")
        for id in 0..<4 {
            busy.add(okRecord(id, start: Double(id) * 0.5, ttftMs: 1 + Double(id), e2eMs: 500, tokens: 9), gapsNs: [])
        }
        var failing = LevelSummary(target: "a-much-longer-target-name", loadLevel: "c128")
        failing.add(RequestRecord(runID: "r", target: "x", loadLevel: "c128", requestID: 0, scheduledS: 0, startS: 0, durationMs: 5, status: .connectError), gapsNs: [])

        let text = SummaryTable.render([busy, failing].map { SummaryCSV.Row(summary: $0, slo: nil) })
        #expect(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n").map(String.init)
        try #require(lines.count == 3)
        let statusColumn = try #require(lines[0].range(of: "status")).lowerBound.utf16Offset(in: lines[0])
        #expect(lines.dropFirst().allSatisfy { $0.dropFirst(statusColumn).hasPrefix("completed") }, "columns line up:\n\(text)")
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") }, "no trailing spaces:\n\(text)")
        #expect(lines[0].hasPrefix("target                     level  requests  errors"))
        #expect(lines[1].hasPrefix("sim-fast                   c2            4       0"))
        #expect(lines[2].hasPrefix("a-much-longer-target-name  c128          1       1"))

        // Right alignment: each cell ends where its heading ends.
        let headings = ["req/s", "out tok/s", "TTFT p50 ms", "TTFT p99 ms", "TPOT p50 ms", "E2E p99 ms"]
        for heading in headings {
            let end = try #require(lines[0].range(of: heading)).upperBound.utf16Offset(in: lines[0])
            for line in lines.dropFirst() {
                let index = line.index(line.startIndex, offsetBy: end - 1)
                #expect(line[index] != " ", "\(heading) in '\(line)'")
                #expect(end == line.count || line[line.index(after: index)] == " ")
            }
        }
        // A failed-only level: no latency figures, but its send lag is known.
        #expect(Array(lines[2].split(separator: " ").suffix(11)) == ["0.000", "0.000", "-", "-", "-", "-", "-", "-", "0.000", "completed", "-"])
        let cells = lines[1].split(separator: " ").map(String.init)
        #expect(cells.count == 15)
        #expect(cells[4] == "2.000", "4 ok requests over 2.0 s")  // starts 0…1.5 s, last end 2.0 s
        #expect(cells[5] == "18.000")
        #expect(cells[6] == "2.000", "TTFT p50 of 1, 2, 3, 4 ms")
        #expect(cells[10] == "500.000", "every figure with three decimals, as in summary.csv (issue 18)")
    }

    @Test("no summaries renders the heading line only")
    func empty() {
        let text = SummaryTable.render([])
        #expect(text == "target  level  requests  errors  req/s  out tok/s  TTFT p50 ms  TTFT p99 ms  TPOT p50 ms  TPOT p99 ms  E2E p50 ms  E2E p99 ms  lag p99 ms  status  SLO\n")
    }
}
