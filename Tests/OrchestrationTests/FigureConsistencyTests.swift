import Foundation
import LoopbackSupport
import Metrics
import Orchestration
import Results
import Testing

/// One run, every output: the final table, summary.csv, the level-end log line, the report
/// (Markdown and HTML, rebuilt from requests.csv) and compare's values (also from requests.csv)
/// must show each figure as the same number.
@Suite("the same figure in every output")
struct FigureConsistencyTests {
    /// The figures compared, by their summary.csv column and their table heading.
    private static let figures: [(csv: String, heading: String)] = [
        ("req_per_s", "req/s"), ("output_tok_per_s", "out tok/s"),
        ("ttft_p50_ms", "TTFT p50 ms"), ("ttft_p99_ms", "TTFT p99 ms"),
        ("tpot_p50_ms", "TPOT p50 ms"), ("tpot_p99_ms", "TPOT p99 ms"),
        ("e2e_p50_ms", "E2E p50 ms"), ("e2e_p99_ms", "E2E p99 ms"),
        ("send_lag_p99_ms", "lag p99 ms"),
    ]

    /// Rows of a table as heading → cell, from its heading row and body rows.
    private static func keyed(_ headings: [String], _ rows: [[String]]) -> [[String: String]] {
        rows.filter { $0.count == headings.count }.map { Dictionary(uniqueKeysWithValues: zip(headings, $0)) }
    }

    /// The final terminal table: columns are separated by two or more spaces.
    private static func terminalRows(_ text: String) -> [[String: String]] {
        let lines = text.split(separator: "\n").map {
            $0.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        guard let headings = lines.first else { return [] }
        return keyed(headings, Array(lines.dropFirst()))
    }

    /// The report's Markdown summary table (the first table after `## Summary`).
    private static func markdownRows(_ text: String) -> [[String: String]] {
        guard let start = text.range(of: "## Summary") else { return [] }
        let lines = text[start.upperBound...].split(separator: "\n").drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        let cells = lines.map { line in
            line.dropFirst().dropLast().components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        guard let headings = cells.first else { return [] }
        return keyed(headings, Array(cells.dropFirst(2)))
    }

    /// The report's HTML summary table (the first `<table>` of its summary section).
    private static func htmlRows(_ html: String) -> [[String: String]] {
        guard let section = html.range(of: "<section id=\"summary\">"),
              let start = html.range(of: "<table>", range: section.upperBound..<html.endIndex), let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex) else { return [] }
        let table = String(html[start.upperBound..<end.lowerBound])
        func cells(_ row: String, _ tag: String) -> [String] {
            row.components(separatedBy: "<\(tag)").dropFirst().compactMap { part in
                guard let open = part.firstIndex(of: ">"), let close = part.range(of: "</\(tag)>") else { return nil }
                return String(part[part.index(after: open)..<close.lowerBound])
            }
        }
        let rows = table.components(separatedBy: "<tr>").dropFirst()
        guard let headingRow = rows.first else { return [] }
        return keyed(cells(headingRow, "th"), rows.dropFirst().map { cells($0, "td") })
    }

    @Test("TTFT, TPOT, E2E, send lag, req/s and out tok/s read the same in the table, summary.csv, the log and the report")
    func sameFigures() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let targets = simulatedTarget("fast") + "\n" + simulatedTarget("slow", options: ["decode_base_ms": "3"])
        let (report, log) = try await runBenchmark(scenarioYAML(name: "figures", targets: targets, concurrency: [1, 3], requests: 12), in: folder)
        try #require(report.status == .completed)

        let terminal = Self.terminalRows(SummaryTable.render(report.levels, slo: report.slo))
        let csvText = try String(contentsOfFile: report.directory.summaryCSV, encoding: .utf8)
        let csvCells = try #require(parseCSV(csvText))
        let csv = Self.keyed(try #require(csvCells.first), Array(csvCells.dropFirst()))
        let run = try RunResults.load(report.directory.path)
        let markdown = Self.markdownRows(ReportMarkdown.render(ReportData(runs: [run])))
        let html = Self.htmlRows(ReportHTML.render(ReportData(runs: [run])))

        #expect(report.summaries.count == 4)
        for summary in report.summaries {
            let key = (summary.target, summary.loadLevel)
            let inTable = try #require(terminal.first { $0["target"] == key.0 && $0["level"] == key.1 }, "terminal row \(key)")
            let inCSV = try #require(csv.first { $0["target"] == key.0 && $0["load_level"] == key.1 }, "summary.csv row \(key)")
            let inMarkdown = try #require(markdown.first { $0["target"] == key.0 && $0["level"] == key.1 }, "Markdown row \(key)")
            let inHTML = try #require(html.first { $0["target"] == key.0 && $0["level"] == key.1 }, "HTML row \(key)")
            for figure in Self.figures {
                let value = try #require(inCSV[figure.csv], "\(figure.csv) in summary.csv")
                #expect(!value.isEmpty, "\(figure.csv) of \(key) is measured")
                #expect(inTable[figure.heading] == value, "\(figure.heading) of \(key): terminal vs summary.csv")
                #expect(inMarkdown[figure.heading] == value, "\(figure.heading) of \(key): Markdown report vs summary.csv")
                #expect(inHTML[figure.heading] == value, "\(figure.heading) of \(key): HTML report vs summary.csv")
            }
            // compare reads requests.csv back: each of its default metrics is the same figure.
            let sample = ComparisonSample(records: run.records.filter { $0.target == key.0 && $0.loadLevel == key.1 })
            for metric in ComparisonMetric.defaults where inCSV[metric.name] != nil {
                #expect(FigureText.cell(sample.value(of: metric)) == inCSV[metric.name], "\(metric.name) of \(key): compare vs summary.csv")
            }
            let ended = try #require(log.first { $0.hasPrefix("\(key.0) \(key.1): ") && $0.contains(" req/s, ") })
            let ttft = try #require(inCSV["ttft_p50_ms"]), lag = try #require(inCSV["send_lag_p99_ms"])
            let rate = try #require(inCSV["req_per_s"]), tokens = try #require(inCSV["output_tok_per_s"])
            #expect(ended.contains("\(rate) req/s, \(tokens) output tok/s, TTFT p50 \(ttft) ms, send lag p99 \(lag) ms"), "log line: \(ended)")
        }
    }

    @Test("TTFAT reads the same in the table, summary.csv, the report and compare; reasoning_share is the reasoning tokens' part")
    func reasoningFigures() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let targets = simulatedTarget("thinker", options: ["reasoning_tokens": "2", "reasoning_tpot_ms": "5"])
        let yaml = scenarioYAML(name: "reasoning-figures", targets: targets, concurrency: [2], requests: 6)
        let (report, log) = try await runBenchmark(yaml, in: folder)
        try #require(report.status == .completed)
        let terminal = Self.terminalRows(SummaryTable.render(report.levels, slo: report.slo))
        let csvCells = try #require(parseCSV(try String(contentsOfFile: report.directory.summaryCSV, encoding: .utf8)))
        let csv = Self.keyed(try #require(csvCells.first), Array(csvCells.dropFirst()))
        let run = try RunResults.load(report.directory.path)
        let markdown = Self.markdownRows(ReportMarkdown.render(ReportData(runs: [run])))
        let html = Self.htmlRows(ReportHTML.render(ReportData(runs: [run])))
        let inCSV = try #require(csv.first)
        for (column, heading) in [("ttfat_p50_ms", "TTFAT p50 ms"), ("ttfat_p99_ms", "TTFAT p99 ms")] {
            let value = try #require(inCSV[column])
            #expect(!value.isEmpty && Double(value) ?? 0 > Double(inCSV["ttft_p50_ms"] ?? "") ?? .infinity, "\(column) after TTFT")
            #expect(terminal.first?[heading] == value, "\(heading): terminal vs summary.csv")
            #expect(markdown.first?[heading] == value, "\(heading): Markdown vs summary.csv")
            #expect(html.first?[heading] == value, "\(heading): HTML vs summary.csv")
            let metric = try #require(ComparisonMetric(name: column))
            #expect(FigureText.cell(ComparisonSample(records: run.records).value(of: metric)) == value, "\(column): compare vs summary.csv")
        }
        // The workload's 6 output tokens per request, 2 of them reasoning.
        #expect(inCSV["reasoning_share"] == "0.333")
        let ended = try #require(log.first { $0.hasPrefix("thinker c2: ") && $0.contains(" req/s, ") })
        #expect(ended.contains("; reasoning: TTFAT p50 \(inCSV["ttfat_p50_ms"] ?? "?") ms, 0.333 of output tokens"), "log line: \(ended)")
        #expect(ReportHTML.render(ReportData(runs: [run])).contains("Time to first answer token"))
    }

    @Test("an embedding level: inputs/s the same in the table, summary.csv and the report; TTFT and TPOT shown as '-', empty in the file")
    func embeddingFigures() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let yaml = scenarioYAML(
            name: "embed-figures", targets: simulatedTarget("embed", dialect: "openai-embeddings"), load: ["concurrency: [2]", "requests: 10"],
            workload: ["embeddings:", "  batch_size: 5", "  input_tokens: 8"])
        let (report, log) = try await runBenchmark(yaml, in: folder)
        try #require(report.status == .completed)
        let terminal = try #require(Self.terminalRows(SummaryTable.render(report.levels, slo: report.slo)).first)
        let csvCells = try #require(parseCSV(try String(contentsOfFile: report.directory.summaryCSV, encoding: .utf8)))
        let header = try #require(csvCells.first)
        let csv = try #require(Self.keyed(header, Array(csvCells.dropFirst())).first)
        let run = try RunResults.load(report.directory.path)
        let markdown = try #require(Self.markdownRows(ReportMarkdown.render(ReportData(runs: [run]))).first)
        let html = try #require(Self.htmlRows(ReportHTML.render(ReportData(runs: [run]))).first)
        let inputs = try #require(csv["inputs_per_s"])
        #expect(!inputs.isEmpty)
        let ended = try #require(log.first { $0.hasPrefix("embed c2: ") && $0.contains(" req/s, ") })
        #expect(ended.contains(" output tok/s, \(inputs) inputs/s, TTFT p50 -"), "log line: \(ended)")
        for row in [terminal, markdown, html] {
            #expect(row["inputs/s"] == inputs)
            #expect(row["E2E p50 ms"] == csv["e2e_p50_ms"])
            for heading in ["TTFT p50 ms", "TTFT p99 ms", "TPOT p50 ms", "TPOT p99 ms"] { #expect(row[heading] == "-", "\(heading)") }
        }
        for column in ["ttft_p50_ms", "tpot_p50_ms", "itl_p50_ms"] { #expect(csv[column] == "", "\(column)") }
    }
}
