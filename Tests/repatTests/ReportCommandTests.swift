import Foundation
import Testing

@Suite("repat report command line", .serialized)
struct ReportCommandTests {
    /// Runs a tiny simulated scenario in `workspace` and returns its run folder.
    private func tinyRun(in workspace: Workspace) async throws -> String {
        let file = try workspace.scenario("tiny.yaml", """
        name: tiny
        targets:
          - name: t1
            dialect: openai-chat
            base_url: sim://tiny
            model: m
            simulator:
              decode_base_ms: 1
              prefill_tokens_per_second: 100000
        load:
          concurrency: [1, 2]
          requests: 4
        workload:
          prompt_tokens: 16
          max_tokens: 6
          ignore_eos: true

        """)
        let outcome = try await runRepat(["run", file, "--results-dir", workspace.results, "--quiet"], in: workspace, timeout: .seconds(30))
        try #require(outcome.status == 0, "stderr: \(outcome.stderr)")
        let folders = workspace.runFolders()
        try #require(folders.count == 1)
        return workspace.results + "/" + folders[0]
    }

    @Test("report writes RUN/report.html and, with --format markdown, RUN/report.md")
    func htmlAndMarkdown() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let run = try await tinyRun(in: workspace)

        let html = try await runRepat(["report", run], in: workspace)
        #expect(html.status == 0, "stderr: \(html.stderr)")
        #expect(html.stdout == "report: \(run)/report.html\n")
        #expect(html.stderr.isEmpty)
        let page = try String(contentsOfFile: run + "/report.html", encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<svg "))
        for id in ["metadata", "summary", "latency", "throughput-latency", "throughput-level", "errors"] {
            #expect(page.contains("<section id=\"\(id)\">"), "missing \(id)")
        }
        #expect(!page.contains("<script"))

        let markdown = try await runRepat(["report", run, "--format", "markdown"], in: workspace)
        #expect(markdown.status == 0, "stderr: \(markdown.stderr)")
        #expect(markdown.stdout == "report: \(run)/report.md\n")
        let text = try String(contentsOfFile: run + "/report.md", encoding: .utf8)
        #expect(text.hasPrefix("# repat report\n"))
        #expect(text.contains("| t1 | c2 | 4 | 0 |"))
    }

    @Test("several runs go into one --output file, and need one")
    func severalRuns() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let run = try await tinyRun(in: workspace)
        let csv = run + "/requests.csv"
        let refused = try await runRepat(["report", run, csv], in: workspace)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--output"))
        let output = workspace.path + "/both.html"
        let outcome = try await runRepat(["report", run, csv, "--output", output], in: workspace)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let page = try String(contentsOfFile: output, encoding: .utf8)
        #expect(page.contains(" · t1"), "lines are named by run and target")
    }

    @Test("a missing run folder is refused with exit 2 and one line")
    func missingRun() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let missing = workspace.path + "/no-such-run"
        let outcome = try await runRepat(["report", missing], in: workspace)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderrLines == ["repat: error: \(missing): no such run folder or file"])
        #expect(!FileManager.default.fileExists(atPath: missing + "/report.html"))
    }
}
