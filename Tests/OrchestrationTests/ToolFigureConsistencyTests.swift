import Foundation
import LoopbackSupport
import Metrics
import Orchestration
import Results
import Testing

/// One agent run: the tool-call and task figures read the same in summary.csv, the level's log
/// line and the report's table (rebuilt from requests.csv).
@Suite("tool and task figures in every output")
struct ToolFigureConsistencyTests {
    @Test("tool_args_valid_rate and task percentiles: summary.csv, the log line and the Markdown and HTML reports agree")
    func sameFigures() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let target = simulatedTarget("agent", options: ["tool_args_invalid_rate": "0.3", "eos_probability": "0"])
        let workload = [
            "prompt_tokens: 16", "max_tokens: 8",
            "tools:", "  - name: lookup", "    parameters: {type: object, required: [id], properties: {id: {type: string}}}",
            "max_turns: 3", "tool_results:", "  lookup: found",
        ]
        let (report, log) = try await runBenchmark(scenarioYAML(name: "tools", targets: target, load: ["concurrency: 2", "requests: 20"], workload: workload), in: folder)
        try #require(report.status == .completed)
        let csvCells = try #require(parseCSV(try String(contentsOfFile: report.directory.summaryCSV, encoding: .utf8)))
        let row = Dictionary(uniqueKeysWithValues: zip(try #require(csvCells.first), try #require(csvCells.dropFirst().first)))
        let valid = try #require(row["tool_args_valid_rate"])
        let task = try ["task_p50_ms", "task_p90_ms", "task_p99_ms", "task_max_ms"].map { try #require(row[$0]) }
        #expect(!valid.isEmpty && task.allSatisfy { !$0.isEmpty })

        let line = try #require(log.first { $0.hasPrefix("agent c2: tool calls in ") })
        #expect(line.contains("arguments valid \(valid); 20 tasks, task p50 \(task[0]) ms, p90 \(task[1]) ms, p99 \(task[2]) ms, max \(task[3]) ms"), "\(line)")

        let run = try RunResults.load(report.directory.path)
        let markdown = ReportMarkdown.render(ReportData(runs: [run]))
        #expect(markdown.contains("| agent | c2 | 20 | \(valid) | 20 | \(task.joined(separator: " | ")) |"), "the report's tools table")
        let html = ReportHTML.render(ReportData(runs: [run]))
        #expect(html.contains("<section id=\"tools\">"))
        for figure in [valid] + task { #expect(html.contains(">\(figure)<"), "\(figure) in the HTML report") }
    }
}
