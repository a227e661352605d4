import Foundation
import Testing

@Suite("repat roi command line", .serialized)
struct RoiCommandTests {
    /// Runs a small simulated sweep with `slo` in `workspace` and returns its run folder.
    private func sweep(in workspace: Workspace, slo: String) async throws -> String {
        let file = try workspace.scenario("sweep.yaml", """
        name: roi-sweep
        targets:
          - name: box
            dialect: openai-chat
            base_url: sim://box
            model: m
            simulator:
              decode_base_ms: 1
              prefill_tokens_per_second: 100000
        load:
          concurrency: [1, 4]
          requests: 8
        workload:
          prompt_tokens: 32
          max_tokens: 8
          ignore_eos: true
        slo:
          \(slo)

        """)
        let outcome = try await runRepat(["run", file, "--results-dir", workspace.results, "--quiet"], in: workspace, timeout: .seconds(30))
        try #require(outcome.status == 0, "stderr: \(outcome.stderr)")
        let folders = workspace.runFolders()
        try #require(folders.count == 1)
        return workspace.results + "/" + folders[0]
    }

    @Test("a simulator sweep becomes a Markdown ROI report priced at the highest level meeting the SLOs")
    func markdownReport() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let run = try await sweep(in: workspace, slo: "ttft_p99_ms: 60000")
        let report = workspace.path + "/roi.md"
        let outcome = try await runRepat(
            ["roi", run, "--hardware", "l4", "--volume", "1e6", "--api", "mistral/mistral-small-latest", "--format", "markdown", "--output", report],
            in: workspace
        )
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty && outcome.stderr.isEmpty)
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.hasPrefix("# repat roi\n"))
        for heading in ["## Verdict", "## Operating points", "## Cost per 1M tokens (EUR)", "## Against each API", "## Cost per task (EUR)", "## Total cost of ownership and NPV (EUR)", "## Sensitivity", "## Inputs and sources"] {
            #expect(text.contains(heading), "missing \(heading)")
        }
        #expect(text.contains("| box | c4 | met |"), "the operating point is the highest level meeting the SLOs")
        #expect(text.contains("for mistral/mistral-small-latest"))
        #expect(text.contains("| API mistral/mistral-small-latest | box |"), "an API not measured is priced on the on-prem target's counts")
        #expect(text.contains("https://chipversus.com/hardware/gpu/l4"), "inputs are echoed with their source")
        #expect(text.contains("rent 1 × Scaleway L4-1-24G"))
    }

    @Test("no level meeting the SLOs is exit 2 with one line, and --allow-slo-miss prices the fastest")
    func sloMissed() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let run = try await sweep(in: workspace, slo: "ttft_p99_ms: 0.001")
        let refused = try await runRepat(["roi", run, "--hardware", "l4", "--volume", "1e6"], in: workspace)
        #expect(refused.status == 2)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderrLines.count == 1)
        #expect(refused.stderr.hasPrefix("repat: error: target box: no load level met the SLOs (c1 missed, c4 missed)"))
        let forced = try await runRepat(["roi", run, "--hardware", "l4", "--volume", "1e6", "--allow-slo-miss", "--format", "csv"], in: workspace)
        #expect(forced.status == 0, "stderr: \(forced.stderr)")
        #expect(forced.stdout.hasPrefix("table,row,column,value\n"))
        #expect(forced.stdout.contains("priced at the fastest level"))
    }

    @Test("bad input names the file or option, exit 2")
    func badInput() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let missing = workspace.path + "/no-such-run"
        let outcome = try await runRepat(["roi", missing, "--hardware", "l4", "--volume", "1e6"], in: workspace)
        #expect(outcome.status == 2)
        #expect(outcome.stderrLines == ["repat: error: \(missing): no such run folder or file"])
        let config = try workspace.scenario("my-roi.yaml", "pue: 0.2\n")
        let run = try await sweep(in: workspace, slo: "ttft_p99_ms: 60000")
        let bad = try await runRepat(["roi", run, "--hardware", "l4", "--volume", "1e6", "--config", config], in: workspace)
        #expect(bad.status == 2)
        #expect(bad.stderrLines == ["repat: error: \(config):1: pue: must be between 1.000 and 5.000, got 0.2"])
        let unknown = try await runRepat(["roi", run, "--hardware", "tpu", "--volume", "1e6"], in: workspace)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("repat: error: --hardware tpu: unknown profile; known: h100-sxm, "))
        // A volume below one request a month prints no figure.
        let tiny = try await runRepat(["roi", run, "--hardware", "l4", "--volume", "10"], in: workspace)
        #expect(tiny.status == 2 && tiny.stdout.isEmpty && tiny.stderrLines.count == 1)
        #expect(tiny.stderr.contains("less than one request of box"))
    }

    @Test("every bad numeric option is exit 2 with one line naming it, not the help text", arguments: [
        (["--volume", "-1"], "--volume -1"), (["--volume", "nan"], "--volume nan"), (["--volume", "0"], "--volume 0"),
        (["--volume", "1e-3"], "--volume 1e-3"), (["--volume", "lots"], "--volume lots"), (["--utilisation", "1.5"], "--utilisation 1.5"),
        (["--utilisation", "0"], "--utilisation 0"), (["--servers", "0"], "--servers 0"), (["--servers", "1.5"], "--servers 1.5"),
        (["--gpus-per-server", "-8"], "--gpus-per-server -8"), (["--measured-gpus", "x"], "--measured-gpus x"),
    ])
    func badNumbers(option: [String], named: String) async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let outcome = try await runRepat(["roi", workspace.path, "--hardware", "l4"] + option, in: workspace)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderrLines.count == 1)
        #expect(outcome.stderr.hasPrefix("repat: error: \(named): expected "))
    }

    @Test("--help prints the help and no error, exit 0, although no run is given")
    func help() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let outcome = try await runRepat(["roi", "--help"], in: workspace)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("--require <REQUIREMENT>"))
    }

    @Test("--import-litellm writes a dated price table that --prices reads back")
    func importLiteLLM() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let json = try workspace.scenario("prices.json", """
        {"sample_spec": {"litellm_provider": "x"},
         "mistral-small-latest": {"litellm_provider": "mistral", "mode": "chat", "input_cost_per_token": 1e-07, "output_cost_per_token": 3e-07},
         "scaleway/gpt-oss-120b": {"litellm_provider": "scaleway", "mode": "chat", "input_cost_per_token": 1.5e-07, "output_cost_per_token": 6e-07}}
        """)
        let table = workspace.path + "/imported.yaml"
        let imported = try await runRepat(["roi", "--import-litellm", json, "--output", table], in: workspace)
        #expect(imported.status == 0, "stderr: \(imported.stderr)")
        #expect(imported.stdout == "prices: \(table)\n")
        let text = try String(contentsOfFile: table, encoding: .utf8)
        #expect(text.contains("id: \"mistral/mistral-small-latest\", provider: \"mistral\", model: \"mistral-small-latest\", input: 0.1, output: 0.3, currency: USD"))
        #expect(text.contains("input: 0.15, output: 0.6, currency: EUR"))
        let run = try await sweep(in: workspace, slo: "ttft_p99_ms: 60000")
        let priced = try await runRepat(
            ["roi", run, "--hardware", "l4", "--volume", "1e6", "--prices", table, "--api", "mistral/mistral-small-latest", "--format", "markdown"],
            in: workspace
        )
        #expect(priced.status == 0, "stderr: \(priced.stderr)")
        #expect(priced.stdout.contains("| mistral/mistral-small-latest | 0.10 / - / 0.30 USD |"))
    }

    @Test("on a terminal the table is a summary that fits COLUMNS; --all keeps every API")
    func terminalSummary() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let run = try await sweep(in: workspace, slo: "ttft_p99_ms: 60000")
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "72"
        let summary = try await runRepat(["roi", run, "--hardware", "l4", "--volume", "1e6"], in: workspace, environment: environment)
        #expect(summary.status == 0, "stderr: \(summary.stderr)")
        let lines = summary.stdout.split(separator: "\n")
        for line in lines { #expect(line.count <= 72, "\(line.count) columns: \(line)") }
        #expect(summary.stdout.contains("  buy NVIDIA L4 24GB, 1 server,"))
        #expect(summary.stdout.contains("--format table --all"))
        #expect(!summary.stdout.contains("== Against each API =="))
        let full = try await runRepat(["roi", run, "--hardware", "l4", "--volume", "1e6", "--format", "table", "--all"], in: workspace, environment: environment)
        #expect(full.status == 0, "stderr: \(full.stderr)")
        #expect(full.stdout.contains("== Against each API =="))
        let shipped = try String(contentsOfFile: packageRoot + "/pricing/apis.yaml", encoding: .utf8)
        // Every generation price (an embedding price is compared with embedding targets only).
        let entries = shipped.split(separator: "\n").filter { $0.contains("{ id: ") }
        let ids = entries.compactMap { line -> (id: Substring, embedding: Bool)? in
            guard let start = line.range(of: "{ id: "), let id = line[start.upperBound...].split(separator: ",").first else { return nil }
            return (id, line.contains("kind: embedding"))
        }
        #expect(ids.count(where: { !$0.embedding }) > 10 && ids.contains { $0.embedding })
        for (id, embedding) in ids {
            #expect(full.stdout.contains(String(id)) == !embedding, "--all lists \(id) when it prices generations")
        }
    }

    @Test("--format html without --output writes roi.html into the run folder and prints its path")
    func htmlBesideRun() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let run = try await sweep(in: workspace, slo: "ttft_p99_ms: 60000")
        let outcome = try await runRepat(["roi", run, "--hardware", "l4", "--volume", "1e6", "--format", "html"], in: workspace)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout == "report: \(run)/roi.html\n")
        let page = try String(contentsOfFile: run + "/roi.html", encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        let csv = try await runRepat(["roi", run, "--hardware", "l4", "--volume", "1e6", "--format", "csv"], in: workspace)
        #expect(csv.stdout.hasPrefix("table,row,column,value\n"), "other formats still go to standard output")
    }

    @Test("a scenario target with stands_for is priced as that API from run.json; --config targets: wins; an unknown id names the target")
    func standsFor() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        func rehearsal(_ id: String) async throws -> String {
            let file = try workspace.scenario("rehearsal-\(id.replacingOccurrences(of: "/", with: "-")).yaml", """
            name: roi-rehearsal
            targets:
              - name: box
                dialect: openai-chat
                base_url: sim://box
                model: m
                simulator:
                  decode_base_ms: 1
              - name: cloud
                dialect: openai-chat
                base_url: sim://cloud
                model: m
                stands_for: \(id)
                simulator:
                  decode_base_ms: 1
            load:
              concurrency: 2
              requests: 4
            workload:
              prompt_tokens: 32
              max_tokens: 8
              ignore_eos: true

            """)
            let before = Set(workspace.runFolders())
            let outcome = try await runRepat(["run", file, "--results-dir", workspace.results, "--quiet"], in: workspace, timeout: .seconds(30))
            try #require(outcome.status == 0, "stderr: \(outcome.stderr)")
            let folder = try #require(Set(workspace.runFolders()).subtracting(before).first)
            return workspace.results + "/" + folder
        }
        let run = try await rehearsal("openai/gpt-4o-mini")
        let metadata = try String(contentsOfFile: run + "/run.json", encoding: .utf8)
        #expect(metadata.contains("\"stands_for\" : \"openai/gpt-4o-mini\""))
        let priced = try await runRepat(["roi", run, "--hardware", "l4", "--volume", "1e6", "--format", "markdown"], in: workspace)
        #expect(priced.status == 0, "stderr: \(priced.stderr)")
        #expect(priced.stdout.contains("| API openai/gpt-4o-mini | cloud |"), "priced on the stand-in's own token counts")
        #expect(priced.stdout.contains("for openai/gpt-4o-mini"), "the measured stand-in is the verdict's reference")

        let config = try workspace.scenario("roles.yaml", "targets:\n  cloud: openai/gpt-4o\n")
        let configured = try await runRepat(["roi", run, "--hardware", "l4", "--volume", "1e6", "--format", "markdown", "--config", config], in: workspace)
        #expect(configured.status == 0, "stderr: \(configured.stderr)")
        #expect(configured.stdout.contains("| API openai/gpt-4o | cloud |"), "the roi config wins over stands_for")

        let unknown = try await rehearsal("openai/gpt-9")
        let refused = try await runRepat(["roi", unknown, "--hardware", "l4", "--volume", "1e6"], in: workspace)
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("repat: error: target cloud: stands_for 'openai/gpt-9' is not in the price table"))
    }
}
