import Foundation
import Testing

@Suite("repat roi --require", .serialized)
struct RoiRequireCommandTests {
    /// A run of an on-prem simulator and a simulated stand-in for openai/gpt-4o.
    private func run(in workspace: Workspace) async throws -> String {
        let file = try workspace.scenario("mixed.yaml", """
        name: mixed
        targets:
          - name: box
            dialect: openai-chat
            base_url: sim://box
            model: m
            simulator: { decode_base_ms: 1, prefill_tokens_per_second: 100000 }
          - name: gpt
            dialect: openai-chat
            base_url: sim://gpt
            model: gpt-4o
            stands_for: openai/gpt-4o
            simulator: { decode_base_ms: 1, prefill_tokens_per_second: 100000 }
        load:
          concurrency: [1, 2]
          requests: 6
        workload:
          prompt_tokens: 32
          max_tokens: 8
          ignore_eos: true

        """)
        let outcome = try await runRepat(["run", file, "--results-dir", workspace.results, "--quiet"], in: workspace, timeout: .seconds(60))
        try #require(outcome.status == 0, "stderr: \(outcome.stderr)")
        return workspace.results + "/" + (try #require(workspace.runFolders().first))
    }

    @Test("--require eu-jurisdiction: the markdown report has no US-parented API or the stand-in, and states the price of sovereignty; an unknown value is exit 2, one line")
    func require() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let folder = try await run(in: workspace)
        let base = ["roi", folder, "--hardware", "l4", "--volume", "1e6"]
        let all = try await runRepat(base + ["--format", "markdown"], in: workspace)
        #expect(all.status == 0, "stderr: \(all.stderr)")
        #expect(all.stdout.contains("## Where the data goes") && all.stdout.contains("| API openai/gpt-4o |"))
        let eu = try await runRepat(base + ["--format", "markdown", "--require", "eu-jurisdiction"], in: workspace)
        #expect(eu.status == 0, "stderr: \(eu.stderr)")
        let tableLines = eu.stdout.split(separator: "\n").filter { $0.hasPrefix("|") }
        for provider in ["openai/", "azure/", "anthropic/", "gemini/", "bedrock/", "| gpt |"] {
            #expect(!tableLines.contains { $0.contains(provider) }, "\(provider) in a table")
        }
        #expect(eu.stdout.contains("Price of sovereignty (--require eu-jurisdiction): "))
        let bad = try await runRepat(base + ["--require", "gdpr"], in: workspace)
        #expect(bad.status == 2)
        #expect(bad.stderrLines == ["repat: error: --require gdpr: unknown requirement; valid: eu-jurisdiction, eu-processing, secnumcloud"])
    }
}
