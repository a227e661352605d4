import Dialects
import Foundation
import LoadGen
import LoopbackSupport
import Metrics
import Orchestration
import Results
import Testing
import Workload

/// Structured output measured through whole runs against simulated targets that break a known
/// share of their answers.
@Suite("structured output end to end", .serialized)
struct StructuredOutputRunTests {
    private static let schema = #"{"type": "object", "properties": {"name": {"type": "string"}, "age": {"type": "integer"}}, "required": ["name", "age"], "additionalProperties": false}"#

    /// A JSONL dataset of `count` extraction prompts, each asking for `schema`.
    private static func dataset(count: Int) -> String {
        (0..<count).map { index in
            #"{"prompt": "Extract person \#(index): Ann, \#(20 + index).", "max_tokens": 32, "output_schema": {"name": "person", "schema": \#(schema)}}"#
        }.joined(separator: "\n") + "\n"
    }

    @Test("dataset schemas in three dialects: answers that follow the schema are valid, broken ones are not; schema_valid_rate in summary.csv and the table")
    func datasetSchemas() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = (folder as NSString).appendingPathComponent("extract.jsonl")
        try Self.dataset(count: 10).write(toFile: path, atomically: true, encoding: .utf8)
        let targets = [
            simulatedTarget("chat", dialect: "openai-chat"),
            simulatedTarget("responses", dialect: "openai-responses", options: ["schema_invalid_rate": "1"]),
            simulatedTarget("gemini", dialect: "gemini"),
        ]
        let yaml = scenarioYAML(
            name: "structured", targets: targets.joined(separator: "\n"), load: ["concurrency: [2]", "requests: 10"],
            workload: ["dataset: \(path)", "max_tokens: 32"])
        let (report, lines) = try await runBenchmark(yaml, in: folder)
        #expect(report.status == .completed)
        let rows = try readRequestRows(report.directory)
        #expect(rows.count == 30)
        #expect(rows.allSatisfy { $0["status"] == "ok" }, "\(rows.map { $0["error"] ?? "" })")
        for row in rows {
            #expect(row["schema_valid"] == (row["target"] == "responses" ? "false" : "true"), "\(row["target"] ?? "")")
        }
        let rates = Dictionary(uniqueKeysWithValues: report.summaries.map { ($0.target, $0.schemaValidity.validRate) })
        #expect(rates == ["chat": 1, "responses": 0, "gemini": 1])
        let summaryRows = try #require(parseCSV(try String(contentsOfFile: report.directory.summaryCSV, encoding: .utf8)))
        let column = try #require(summaryRows.first?.firstIndex(of: "schema_valid_rate"))
        #expect(column == summaryRows[0].count - 1, "the last column")
        #expect(summaryRows.dropFirst().map { $0[column] } == ["1.000", "0.000", "1.000"])
        #expect(lines.contains { $0.hasPrefix("responses c2:") && $0.contains("schema valid 0.000") }, "\(lines)")
        let table = SummaryTable.render(report.summaries.map { SummaryCSV.Row(summary: $0, slo: nil) })
        #expect(table.contains("schema valid"))
    }

    @Test("a workload output_schema on synthetic prompts: the measured valid rate matches schema_invalid_rate within its 95% interval")
    func workloadSchema() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let yaml = scenarioYAML(
            name: "synthetic-structured", targets: simulatedTarget("responses", dialect: "openai-responses", options: ["schema_invalid_rate": "0.3"]),
            load: ["concurrency: [8]", "requests: 300"],
            workload: ["prompt_tokens: 16", "max_tokens: 32", "output_schema: {name: person, schema: \(Self.schema)}"])
        let (report, _) = try await runBenchmark(yaml, in: folder)
        let tally = try #require(report.summaries.first?.schemaValidity)
        #expect(tally.checked == 300)
        let interval = QualityTally.wilson(passed: tally.valid, of: tally.checked)
        #expect(interval.contains(0.7), "\(tally.valid)/\(tally.checked) valid, 95% \(interval)")
    }

    @Test("a target whose dialect takes no schema is refused before the run: file, line, target and dialect")
    func refused() throws {
        let yaml = scenarioYAML(
            name: "refused", targets: simulatedTarget("claude", dialect: "anthropic-messages") + "\n" + simulatedTarget("chat", dialect: "openai-chat"),
            load: ["concurrency: [1]", "requests: 2"],
            workload: ["prompt_tokens: 16", "max_tokens: 8", "output_schema: {name: person, schema: \(Self.schema)}"])
        let scenario = try ScenarioLoader(environment: [:], catalog: DialectRegistry.catalog).parse(yaml, file: "test.yaml")
        do throws(ScenarioProblems) {
            _ = try RunPlan(scenario: scenario, environment: [:], simulators: BuiltInSimulators())
            Issue.record("the plan was accepted")
        } catch {
            #expect(error.problems.count == 1)
            let problem = try #require(error.problems.first)
            #expect(problem.field == "targets[0].dialect")
            #expect(problem.line == 5, "the dialect line")
            #expect(problem.message.contains("'claude'") && problem.message.contains("anthropic-messages"))
        }
    }
}
