import Foundation
import LoopbackSupport
import LoadGen
import Orchestration
import Metrics
import Results
import Testing

/// Every dialect driven end to end against the built-in simulator over a real loopback socket:
/// the client's request builder and response parser meet the simulator's encoder for that API.
@Suite("Dialects over loopback", .serialized)
struct DialectLoopbackTests {
    static let dialects = [
        "openai-chat", "openai-completions", "openai-responses", "azure-openai-chat", "azure-openai-completions",
        "ollama-chat", "ollama-generate", "anthropic-messages", "gemini", "bedrock-converse",
    ]

    /// A simulated target speaking `dialect`, with no early end of sequence and a fixed decode pace.
    private static func target(_ dialect: String, options: [String: String] = [:], stream: Bool = true) -> String {
        var options = options
        options["eos_probability"] = options["eos_probability"] ?? "0"
        options["prefill_overhead_ms"] = options["prefill_overhead_ms"] ?? "20"
        let extra = stream ? "" : "    stream: false\n"
        return simulatedTarget(dialect.replacing("-", with: "_"), options: options, extra: extra)
            .replacing("dialect: openai-chat", with: "dialect: \(dialect)")
    }

    @Test("streamed: every request ok, server-reported token counts, TTFT above the simulated prefill", arguments: dialects)
    func streamed(dialect: String) async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let yaml = scenarioYAML(targets: Self.target(dialect), load: ["concurrency: 2", "requests: 4"], workload: ["prompt_tokens: 16", "max_tokens: 6"])
        let (report, _) = try await runBenchmark(yaml, in: folder)
        let rows = try readRequestRows(report.directory)
        #expect(rows.count == 4)
        for row in rows {
            #expect(row["status"] == "ok", "\(dialect): \(row["error"] ?? "")")
            #expect(row["output_tokens"] == "6", "\(dialect)")
            #expect(row["token_source"] == "usage", "\(dialect)")
            #expect(row["token_events"] == "6", "\(dialect): one event per token")
            #expect(Int(row["prompt_tokens"] ?? "") ?? 0 >= 16, "\(dialect)")
            let ttft = Double(row["ttft_ms"] ?? "") ?? 0
            let e2e = Double(row["e2e_ms"] ?? "") ?? 0
            #expect(ttft >= 20 && ttft < e2e, "\(dialect): TTFT \(ttft) ms, E2E \(e2e) ms")
        }
    }

    @Test("not streamed: whole bodies parsed, with their usage", arguments: dialects)
    func whole(dialect: String) async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let yaml = scenarioYAML(targets: Self.target(dialect, stream: false), load: ["concurrency: 1", "requests: 2"], workload: ["prompt_tokens: 16", "max_tokens: 5"])
        let (report, _) = try await runBenchmark(yaml, in: folder)
        let rows = try readRequestRows(report.directory)
        #expect(rows.map { $0["status"] } == ["ok", "ok"], "\(dialect): \(rows.map { $0["error"] ?? "" })")
        #expect(rows.allSatisfy { $0["output_tokens"] == "5" && $0["token_source"] == "usage" }, "\(dialect)")
    }

    @Test("the provider's error shapes: a mid-stream failure is stream_error, a rejection http_429 with its message", arguments: dialects)
    func errors(dialect: String) async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let targets = Self.target(dialect, options: ["stream_error_rate": "1"])
            + "\n" + Self.target(dialect, options: ["rate_limit_rate": "1"]).replacing("- name: \(dialect.replacing("-", with: "_"))", with: "- name: limited")
                .replacing("sim://\(dialect.replacing("-", with: "_"))", with: "sim://limited")
        let yaml = scenarioYAML(targets: targets, load: ["concurrency: 1", "requests: 2"])
        let (report, _) = try await runBenchmark(yaml, in: folder)
        let rows = try readRequestRows(report.directory)
        let failing = rows.filter { $0["target"] != "limited" }
        let limited = rows.filter { $0["target"] == "limited" }
        #expect(failing.count == 2 && limited.count == 2)
        #expect(failing.allSatisfy { $0["status"] == "stream_error" && !($0["error"] ?? "").isEmpty }, "\(dialect): \(failing.map { ($0["status"] ?? "") + " " + ($0["error"] ?? "") })")
        #expect(limited.allSatisfy { $0["status"] == "http_429" && ($0["error"] ?? "").contains("rate") }, "\(dialect): \(limited.map { $0["error"] ?? "" })")
    }

    @Test("the same scenario against two dialects sends identical prompts (same workload digest)")
    func identicalWorkAcrossDialects() async throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let yaml = scenarioYAML(targets: Self.target("anthropic-messages") + "\n" + Self.target("bedrock-converse"), load: ["concurrency: 2", "requests: 4"])
        let (report, _) = try await runBenchmark(yaml, in: folder)
        let digests = report.summaries.map(\.workloadDigest)
        #expect(digests.count == 2)
        #expect(digests[0] != nil && digests[0] == digests[1])
        #expect(Set(report.summaries.map(\.target)) == ["anthropic_messages", "bedrock_converse"])
    }
}
