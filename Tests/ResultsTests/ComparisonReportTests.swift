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
        #expect(lines[1].hasSuffix("CI low  CI high  verdict  basis"))
        let body = lines[2..<(2 + rows.count)]
        #expect(body.count == ComparisonMetric.defaults.count)
        // Numbers are right-aligned under their headings: each CI high cell ends where the heading does.
        let end = try #require(lines[1].range(of: "CI high")).upperBound.utf16Offset(in: lines[1])
        for line in body {
            let cell = line.prefix(end)
            #expect(cell.last != " ", "'\(line)'")
        }
        #expect(body.first?.hasSuffix("worse    within-run only") == true, "\(body.first ?? "")")
        #expect(lines[2 + rows.count] == "")
        let method = options.methodLine(for: [.withinRun])
        #expect(lines[3 + rows.count] == method)
        #expect(method.contains("95% CI") && method.contains("200 resamples") && method.contains("within-run only: a side ran the level once"))
        #expect(!method.contains("between repeats"))
    }

    @Test("Markdown is one table with a header, an alignment row, a row per metric and the method")
    func markdown() {
        let rows = sampleRows()
        let options = ComparisonOptions(resamples: 200)
        let lines = ComparisonReport.markdown(rows, options: options).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "| baseline | candidate | target | level | metric | baseline value | candidate value | diff | diff % | CI low | CI high | verdict | basis |")
        #expect(lines[1] == "| --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
        let body = lines[2..<(2 + rows.count)]
        #expect(body.allSatisfy { $0.hasPrefix("| base | cand | t1 | c2 | ") && $0.hasSuffix(" | within-run only |") && $0.split(separator: "|").count == 13 })
        #expect(lines[2 + rows.count] == "")
        #expect(lines[3 + rows.count] == "_\(options.methodLine(for: [.withinRun]))_")
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
        #expect(ttft[try column("basis")] == "within-run only")
        #expect(ttft[try column("baseline_repeats")] == "1")
        #expect(ttft[try column("candidate_repeats")] == "1")
        let reach = try #require(Double(ttft[try column("ci_reach")]))
        let baseline = try #require(Double(ttft[try column("baseline_value")]))
        #expect(abs(reach - max(abs(low), abs(high)) / baseline) < 1e-5)
    }

    @Test("rows of repeated levels say between repeats, with the repeat counts, in every form; the method line explains both bases when both occur")
    func repeatedBasis() throws {
        let repeated = syntheticPair(repeatedRecords(seed: 1, repeats: 4), repeatedRecords(seed: 2, repeats: 3))
        let once = syntheticPair(syntheticRecords(seed: 1), syntheticRecords(seed: 2))
        let rows = testEngine(resamples: 200).compare([repeated, once])
        let options = ComparisonOptions(resamples: 200)
        let table = ComparisonReport.table(rows, options: options)
        #expect(table.contains("  between repeats (4 vs 3)\n"))
        #expect(table.contains("  within-run only\n"))
        let method = options.methodLine(for: [.betweenRepeats, .withinRun])
        #expect(table.hasSuffix(method + "\n"))
        #expect(method.contains("between repeats: each side's repeats are drawn with replacement") && method.contains("within-run only"))
        #expect(ComparisonReport.markdown(rows, options: options).contains(" | between repeats (4 vs 3) |"))
        let csv = ComparisonReport.csv(rows, options: options).split(separator: "\n").dropFirst()
        #expect(csv.prefix(ComparisonMetric.defaults.count).allSatisfy { $0.contains(",two_level_bootstrap,0.95,200,between repeats,4,3,") })
        #expect(csv.dropFirst(ComparisonMetric.defaults.count).allSatisfy { $0.contains(",percentile_bootstrap,0.95,200,within-run only,1,1,") })
    }

    @Test("the noise floor lists each level's metrics with how far their intervals reach, in percent")
    func noiseFloor() {
        var row = ComparisonRow(
            baseline: "t1 odd repeats", candidate: "t1 even repeats", target: nil, loadLevel: "c4", metric: ComparisonMetric.defaults[0],
            baselineValue: 20, candidateValue: 20.5, interval: BootstrapInterval(low: -0.5, high: 1.5), verdict: .noise
        )
        var missing = row
        missing.metric = ComparisonMetric.defaults[1]
        missing.interval = nil
        row.method = .betweenRepeats
        #expect(ComparisonReport.noiseFloor([row, missing]).hasSuffix("\n  c4: ttft_p50_ms ±7.5%, ttft_p99_ms ±-\n"))
    }
}
