import Foundation
import Testing

@Suite("repat usage command line", .serialized)
struct UsageCommandTests {
    private let openAISample = packageRoot + "/scenarios/data/usage-openai-sample.json"
    private let csvSample = packageRoot + "/scenarios/data/usage-sample.csv"

    @Test("the shipped Usage API sample and its CSV twin import to the same profile, with the week's figures")
    func importSamples() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let fromJSON = workspace.path + "/json.yaml"
        let fromCSV = workspace.path + "/csv.yaml"
        let json = try await runRepat(["usage", "import", openAISample, "--output", fromJSON], in: workspace)
        #expect(json.status == 0, "stderr: \(json.stderr)")
        #expect(json.stderr == "usage profile: \(fromJSON)\n")
        let csv = try await runRepat(["usage", "import", csvSample, "--output", fromCSV], in: workspace)
        #expect(csv.status == 0, "stderr: \(csv.stderr)")
        func figures(_ file: String) throws -> [Substring] {
            try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.contains("sources:") && !$0.contains("format:") }
        }
        #expect(try figures(fromJSON) == (try figures(fromCSV)))
        let text = try String(contentsOfFile: fromJSON, encoding: .utf8)
        // The generator (scenarios/data/make-usage-samples.py) prints these totals: 181,295,885 input,
        // 35,057,520 output and 38,873,525 cached tokens in 222,933 requests over 168 hours.
        #expect(text.contains("  volume: 940107057\n"), "216,353,405 tokens ÷ 168 h × 730 h")
        #expect(text.contains("  value: 0.2144\n"), "38,873,525 ÷ 181,295,885 cached")
        #expect(text.contains("  mix: {input_tokens: 813.23, output_tokens: 157.26}"))
        #expect(text.contains("  busiest_hour: {start: 2026-11-04T10:00:00Z,"))
    }

    @Test("repat roi --usage prices exactly what the same numbers typed in --config price")
    func roiFromUsage() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let scenario = try workspace.scenario("box.yaml", """
        name: usage-roi
        targets:
          - { name: box, dialect: openai-chat, base_url: "sim://box", model: m, simulator: { decode_base_ms: 1, prefill_tokens_per_second: 100000 } }
        load: { concurrency: [4], requests: 8 }
        workload: { prompt_tokens: 64, max_tokens: 16, ignore_eos: true }

        """)
        let run = try await runRepat(["run", scenario, "--results-dir", workspace.results, "--quiet"], in: workspace, timeout: .seconds(30))
        try #require(run.status == 0, "stderr: \(run.stderr)")
        let folder = workspace.results + "/" + (try #require(workspace.runFolders().first))
        let profile = workspace.path + "/profile.yaml"
        try #require(try await runRepat(["usage", "import", openAISample, "--output", profile], in: workspace).status == 0)
        let typed = try workspace.scenario("typed.yaml", """
        deployment:
          volume: 940107057
          mix: {input_tokens: 813.23, output_tokens: 157.26}
        cache_hit_share: 0.2144
        traffic:
          peak_to_average: 2.744
          hourly_weights: [372408, 374608, 371985, 376763, 380392, 364923, 376900, 392003, 2372089, 2547445, 2553015, 2511052, 1787427, 1669560, 2546801, 2520773, 2487006, 2501465, 2504462, 396819, 367847, 374968, 371971, 384945]

        """)
        let common = ["roi", folder, "--hardware", "l4", "--format", "csv", "--draws", "200"]
        let fromUsage = try await runRepat(common + ["--usage", profile], in: workspace)
        let byHand = try await runRepat(common + ["--config", typed], in: workspace)
        #expect(fromUsage.status == 0 && byHand.status == 0, "stderr: \(fromUsage.stderr) \(byHand.stderr)")
        // Every figure is the same; only the rows naming where an input came from differ.
        func figures(_ csv: String) -> [Substring] {
            csv.split(separator: "\n").filter { !$0.contains(",source,") && !$0.contains(",read,") }
        }
        #expect(figures(fromUsage.stdout) == figures(byHand.stdout))
        #expect(fromUsage.stdout.contains("capacity,box,volume_tokens,940107057.0"))
        #expect(fromUsage.stdout.contains("usage profile: 38873525 of 181295885 input tokens cached"))
    }

    @Test("the busiest hour becomes a scenario that repat run accepts and runs against the simulator")
    func busiestHourRuns() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let profile = workspace.path + "/profile.yaml"
        try #require(try await runRepat(["usage", "import", csvSample, "--output", profile], in: workspace).status == 0)
        let scenario = workspace.path + "/busiest.yaml"
        let written = try await runRepat(
            ["usage", "scenario", profile, "--base-url", "sim://onprem", "--model", "m", "--duration", "3s", "--output", scenario], in: workspace
        )
        #expect(written.status == 0, "stderr: \(written.stderr)")
        let text = try String(contentsOfFile: scenario, encoding: .utf8)
        #expect(text.contains("  rate: [1.0056]"), "3,620 requests in the busiest hour")
        #expect(text.contains("  prompt_tokens: 818 ") && text.contains("  max_tokens: 158 "))
        let run = try await runRepat(["run", scenario, "--results-dir", workspace.results, "--quiet"], in: workspace, timeout: .seconds(60))
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(workspace.runFolders().count == 1)
    }

    @Test("minute buckets make a scenario replaying the busiest hour minute by minute, compressed into --duration")
    func minuteProfileRuns() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let start = 1_793_577_600
        let rows = (0..<60).map { "\(start + $0 * 60),m,\(50 * ($0 % 3 + 1)),5,0,\($0 % 3 + 1)" }
        let usage = try workspace.scenario("minutes.csv", "time,model,input_tokens,output_tokens,cached_tokens,requests\n" + rows.joined(separator: "\n") + "\n")
        let profile = workspace.path + "/profile.yaml"
        try #require(try await runRepat(["usage", "import", usage, "--output", profile], in: workspace).status == 0)
        let scenario = workspace.path + "/busiest.yaml"
        let written = try await runRepat(
            ["usage", "scenario", profile, "--base-url", "sim://onprem", "--model", "m", "--duration", "3s", "--output", scenario], in: workspace
        )
        #expect(written.status == 0, "stderr: \(written.stderr)")
        let text = try String(contentsOfFile: scenario, encoding: .utf8)
        #expect(text.contains("    steps:\n      - { duration: 0.05s, rate: 0.0167 }"), "minute 0 had 1 request")
        let run = try await runRepat(["run", scenario, "--results-dir", workspace.results, "--quiet"], in: workspace, timeout: .seconds(60))
        #expect(run.status == 0, "stderr: \(run.stderr)")
    }

    @Test("bad usage input exits 2 with one line naming the file and field")
    func badInput() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let bad = try workspace.scenario("bad.csv", "time,model,input_tokens,output_tokens,requests\n2026-11-02T00:00:00Z,m,10,x,1\n")
        let outcome = try await runRepat(["usage", "import", bad], in: workspace)
        #expect(outcome.status == 2)
        #expect(outcome.stderrLines == ["repat: error: \(bad):2: output_tokens: expected a count of 0 or more, got 'x'"])
        let notProfile = try await runRepat(["usage", "scenario", bad, "--base-url", "sim://x", "--model", "m"], in: workspace)
        #expect(notProfile.status == 2)
        #expect(notProfile.stderrLines.count == 1 && notProfile.stderrLines[0].hasPrefix("repat: error: \(bad)"))
    }
}
