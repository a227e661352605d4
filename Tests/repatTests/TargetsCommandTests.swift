import Foundation
import Testing

/// A scenario with one simulated target asking for `smollm2`, which the simulator lists as a
/// llama.cpp-style file name yet answers, as llama.cpp does; `extraTarget` adds a target.
private func scenario(extraTarget: String = "") -> String {
    """
    name: targets-check
    seed: 7
    targets:
      - name: llama
        dialect: openai-chat
        base_url: sim://llama
        model: smollm2
        simulator:
          model_name: SmolLM2-135M-Instruct.Q4_1.gguf
          decode_base_ms: 2
    \(extraTarget)
    load:
      concurrency: 1
      requests: 1
    workload:
      prompt_tokens: 16
      max_tokens: 4

    """
}

@Suite("repat targets", .serialized)
struct TargetsCommandTests {
    @Test("a model name the server does not list but answers is ready with a warning naming what is served: exit 0")
    func unlistedModelIsReady() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let file = try workspace.scenario("targets.yaml", scenario())
        let outcome = try await runRepat(["targets", file], in: workspace)
        #expect(outcome.status == 0, "stdout: \(outcome.stdout)\nstderr: \(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("llama (openai-chat, http://127.0.0.1:") == true, "\(outcome.stdout)")
        #expect(lines.first?.hasSuffix("): ready (1 warning)") == true, "\(outcome.stdout)")
        #expect(lines.contains {
            $0.hasPrefix("  model          warning      'smollm2' is not listed (served: SmolLM2-135M-Instruct.Q4_1.gguf)")
        }, "\(outcome.stdout)")
        #expect(lines.contains { $0.hasPrefix("  request        ok           ") }, "\(outcome.stdout)")
    }

    @Test("a target whose request fails is NOT READY and the command exits 1, the ready one still listed")
    func failedTargetExitsOne() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let port = try closedLoopbackPort()
        let gone = """
          - name: gone
            dialect: openai-chat
            base_url: http://127.0.0.1:\(port)/v1
            model: m
        """
        let file = try workspace.scenario("targets.yaml", scenario(extraTarget: gone))
        let outcome = try await runRepat(["targets", file], in: workspace)
        #expect(outcome.status == 1, "stdout: \(outcome.stdout)\nstderr: \(outcome.stderr)")
        #expect(outcome.stdout.contains("): ready (1 warning)\n"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("gone (openai-chat, http://127.0.0.1:\(port)/v1): NOT READY\n"), "\(outcome.stdout)")
    }
}
