import Foundation
import Metrics
import Results
import Testing

private func sampleRows() -> [ComparisonRow] {
    let pair = syntheticPair(syntheticRecords(seed: 1), syntheticRecords(seed: 2, ttftScale: 1.2))
    return testEngine(resamples: 200).compare([pair])
}

@Suite("Comparison output")
struct ComparisonReportTests {
    @Test("the table has a block per comparison, aligned columns and the method line")
    func table() throws {
        let rows = sampleRows()
        let options = ComparisonOptions(resamples: 200)
        let text = ComparisonReport.table(rows, options: options)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "cand vs baseline base")
        #expect(lines[1].hasPrefix("target  level  metric "))
        #expect(lines[1].hasSuffix("CI low  CI high  verdict"))
        let body = lines[2..<(2 + rows.count)]
        #expect(body.count == ComparisonMetric.defaults.count)
        // Numbers are right-aligned under their headings: each CI high cell ends where the heading does.
        let end = try #require(lines[1].range(of: "CI high")).upperBound.utf16Offset(in: lines[1])
        for line in body {
            let cell = line.prefix(end)
            #expect(cell.last != " ", "'\(line)'")
        }
        #expect(body.first?.hasSuffix("worse") == true)
        #expect(lines[2 + rows.count] == "")
        #expect(lines[3 + rows.count] == options.methodLine)
        #expect(options.methodLine.contains("95% CI") && options.methodLine.contains("200 resamples"))
    }

    @Test("Markdown is one table with a header, an alignment row, a row per metric and the method")
    func markdown() {
        let rows = sampleRows()
        let options = ComparisonOptions(resamples: 200)
        let lines = ComparisonReport.markdown(rows, options: options).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "| baseline | candidate | target | level | metric | baseline value | candidate value | diff | diff % | CI low | CI high | verdict |")
        #expect(lines[1] == "| --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        let body = lines[2..<(2 + rows.count)]
        #expect(body.allSatisfy { $0.hasPrefix("| base | cand | t1 | c2 | ") && $0.split(separator: "|").count == 12 })
        #expect(lines[2 + rows.count] == "")
        #expect(lines[3 + rows.count] == "_\(options.methodLine)_")
    }

    @Test("CSV has one row per pair and metric, the interval and the method as columns")
    func csv() throws {
        let rows = sampleRows()
        let text = ComparisonReport.csv(rows, options: ComparisonOptions(resamples: 200))
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines[0] == ComparisonReport.csvColumns)
        #expect(lines.count == 1 + rows.count)
        #expect(lines.dropFirst().allSatisfy { $0.count == ComparisonReport.csvColumns.count })
        let column = { (name: String) in try #require(ComparisonReport.csvColumns.firstIndex(of: name)) }
        let ttft = lines[1]
        #expect(ttft[try column("metric")] == "ttft_p50_ms")
        #expect(ttft[try column("verdict")] == "worse")
        let low = try #require(Double(ttft[try column("ci_low")]))
        let high = try #require(Double(ttft[try column("ci_high")]))
        #expect(0 < low && low <= high)
        #expect(ttft[try column("method")] == "percentile_bootstrap")
        #expect(ttft[try column("confidence")] == "0.95")
        #expect(ttft[try column("resamples")] == "200")
    }
}
