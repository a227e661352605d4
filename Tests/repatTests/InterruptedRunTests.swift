import Foundation
import Metrics
import Results
import Testing

/// A run stopped by one Ctrl-C in the middle of its level: every output must say the level is
/// partial, never that it met the SLOs, and `repat roi` must not price it silently.
@Suite("an interrupted level in every output", .serialized)
struct InterruptedRunTests {
    /// One closed-loop level of 2000 requests of about 200 ms each, with an SLO the requests
    /// measured easily meet: only the stop can make the verdict anything but "met".
    private static let scenario = """
        name: cut
        targets:
          - name: box
            dialect: openai-chat
            base_url: sim://box
            model: m
            simulator:
              decode_base_ms: 25
        load:
          concurrency: 2
          requests: 2000
        workload:
          prompt_tokens: 16
          max_tokens: 8
          ignore_eos: true
        slo:
          ttft_p99_ms: 60000

        """

    @Test("summary.csv, run.json, the final table, the report and roi all mark the level interrupted and its SLO verdict incomplete")
    func interruptedLevel() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let file = try workspace.scenario("cut.yaml", Self.scenario)
        let results = workspace.results
        let outcome = try await runRepat(["run", file, "--results-dir", results, "--quiet"], in: workspace, timeout: .seconds(60)) { pid in
            let deadline = ContinuousClock.now + .seconds(20)
            // Stop once a few requests are on disk, long before the level's 2000.
            while ContinuousClock.now < deadline {
                let folders = (try? FileManager.default.contentsOfDirectory(atPath: results)) ?? []
                let csv = folders.first.map { results + "/" + $0 + "/requests.csv" } ?? ""
                if ((try? String(contentsOfFile: csv, encoding: .utf8)) ?? "").split(separator: "\n").count > 4 { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            kill(pid, SIGINT)
        }
        #expect(outcome.status == 130, "stderr: \(outcome.stderr)")
        let folder = results + "/" + (workspace.runFolders().first ?? "")

        // The final table.
        let row = try #require(outcome.stdout.split(separator: "\n").first { $0.hasPrefix("box") })
        #expect(row.contains("interrupted") && row.contains("incomplete (interrupted)"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("SLOs: ttft_p99_ms ≤ 60000 ms"))
        #expect(!outcome.stdout.contains(" met"))

        // summary.csv.
        let summary = try CSVTable.parse(try String(contentsOfFile: folder + "/summary.csv", encoding: .utf8))
        let cells = Dictionary(zip(summary.header, try #require(summary.rows.first)), uniquingKeysWith: { first, _ in first })
        #expect(cells["status"] == "interrupted")
        #expect(cells["meets_slo"] == "incomplete")
        #expect(Int(cells["requests"] ?? "") ?? 2000 < 2000)

        // run.json.
        let metadata = try RunMetadata.read(from: folder + "/run.json")
        let level = try #require(metadata.levels.first)
        #expect(level.status == .interrupted && level.sloVerdict == .incomplete && level.meetsSLO == nil)

        // The report.
        let report = try await runRepat(["report", folder, "--format", "markdown", "--output", workspace.path + "/report.md"], in: workspace)
        #expect(report.status == 0, "stderr: \(report.stderr)")
        let markdown = try String(contentsOfFile: workspace.path + "/report.md", encoding: .utf8)
        #expect(markdown.contains("| interrupted | incomplete (interrupted) |"))
        #expect(markdown.contains("Some levels did not complete"))

        // roi refuses the partial level, then prices it with --allow-partial and says so.
        let refused = try await runRepat(["roi", folder, "--hardware", "l4", "--volume", "1e6"], in: workspace)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("interrupted level c2 not considered (pass --allow-partial"), "\(refused.stderr)")
        let allowed = try await runRepat(["roi", folder, "--hardware", "l4", "--volume", "1e6", "--allow-partial", "--format", "markdown"], in: workspace)
        #expect(allowed.status == 0, "stderr: \(allowed.stderr)")
        #expect(allowed.stdout.contains("| box | c2 | incomplete (interrupted) |"), "the operating points table says so too")
        let verdict = try #require(allowed.stdout.components(separatedBy: "## Verdict").dropFirst().first)
        #expect(verdict.prefix(1200).contains("Priced at box c2, a level interrupted after"), "\(verdict.prefix(1200))")
    }
}
