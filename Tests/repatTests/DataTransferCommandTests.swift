import Foundation
import Testing

/// A confidential scenario whose simulated target stands for openai/gpt-4o; `extra` adds lines to it.
private func scenario(extra: String = "") -> String {
    """
    name: confidential
    data: { classification: confidential }
    targets:
      - name: gpt
        dialect: openai-chat
        base_url: sim://gpt
        model: gpt-4o
        stands_for: openai/gpt-4o
    \(extra)
        simulator: { decode_base_ms: 1, prefill_tokens_per_second: 100000 }
    load:
      concurrency: [1, 4]
      requests: 8
    workload:
      prompt_tokens: 32
      max_tokens: 8
      ignore_eos: true

    """
}

@Suite("repat run and targets: where the data goes before anything is sent", .serialized)
struct DataTransferCommandTests {
    private let refusal = "repat: error: target gpt (simulated, standing for openai/gpt-4o): its data goes to OpenAI (US, parent OpenAI (US), CLOUD Act: yes; EU processing: conditional), outside the jurisdictions allowed for confidential data (EU, data: in the scenario); set allow_transfer: true on the target to send it anyway"

    @Test("a confidential scenario refuses a target standing for a US API in run, targets and validate: exit 2, one line naming target and provider, nothing run")
    func refused() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let file = try workspace.scenario("confidential.yaml", scenario())
        let run = try await runRepat(["run", file, "--results-dir", workspace.results, "--quiet"], in: workspace)
        #expect(run.status == 2)
        #expect(run.stderrLines == [refusal])
        #expect(workspace.runFolders().isEmpty)
        for command in ["targets", "validate"] {
            let outcome = try await runRepat([command, file], in: workspace)
            #expect(outcome.status == 2, "\(command)")
            #expect(outcome.stderrLines == [refusal], "\(command)")
            // targets prints the pre-run lines as it goes; validate prints nothing on a refusal.
            #expect(command == "targets" ? outcome.stdout.hasPrefix("target gpt (simulated): 16 requests") : outcome.stdout.isEmpty, "\(command)")
        }
    }

    @Test("with allow_transfer: true the run goes ahead, says so, and run.json records the classification and the transfer")
    func allowed() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let file = try workspace.scenario("confidential.yaml", scenario(extra: "    allow_transfer: true"))
        let run = try await runRepat(["run", file, "--results-dir", workspace.results], in: workspace, timeout: .seconds(60))
        #expect(run.status == 0, "stderr: \(run.stderr)")
        // 2 levels × 8 requests × 32 prompt tokens = 512 input; 16 × 8 = 128 output at most;
        // 512 × 2.50 / 1M + 128 × 10.00 / 1M = 0.00256 USD.
        #expect(run.stderrLines.contains {
            $0.hasPrefix("target gpt (simulated): 16 requests, 512 input tokens, up to 128 output tokens; cost up to 0.002560 USD at openai/gpt-4o list prices")
        }, "\(run.stderr)")
        #expect(run.stderrLines.contains { $0.hasSuffix("sent anyway, allow_transfer: true (recorded in run.json)") }, "\(run.stderr)")
        let folders = workspace.runFolders()
        try #require(folders.count == 1)
        let data = try Data(contentsOf: URL(fileURLWithPath: workspace.results + "/" + folders[0] + "/run.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["data_classification"] as? String == "confidential")
        #expect(json["allowed_jurisdictions"] as? [String] == ["EU"])
        let targets = try #require(json["targets"] as? [[String: Any]])
        #expect(targets.first?["allow_transfer"] as? Bool == true)
    }
}
