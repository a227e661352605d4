import Foundation
import LoopbackSupport
import Orchestration
import Testing

/// The simulator's reasoning phase measured end to end in every dialect that carries reasoning:
/// the simulator sends its reasoning tokens as the dialect's reasoning deltas, and repat's
/// decoders tell them from the answer.
@Suite("Reasoning over loopback", .serialized)
struct ReasoningLoopbackTests {
    static let dialects = [
        "openai-chat", "openai-responses", "azure-openai-chat", "ollama-chat", "ollama-generate", "anthropic-messages", "gemini",
        "bedrock-converse",
    ]

    /// Reasoning tokens the simulated targets make, and the gap after each (ms).
    static let reasoningTokens = 5
    static let reasoningGapMs = 40.0

    /// A simulated target speaking `dialect` that reasons, with `extra` target fields.
    private static func target(
        _ dialect: String, name: String? = nil, extra: String = "", faults: [String: String] = [:]
    ) -> String {
        let name = name ?? dialect.replacing("-", with: "_")
        let options = faults.merging([
            "eos_probability": "0", "prefill_overhead_ms": "20", "reasoning_tokens": "\(reasoningTokens)",
            "reasoning_tpot_ms": "\(reasoningGapMs)",
        ]) { $1 }
        return simulatedTarget(name, options: options, extra: extra).replacing("dialect: openai-chat", with: "dialect: \(dialect)")
    }

    private static func rows(_ targets: String, maxTokens: Int = 12) async throws -> [[String: String]] {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let yaml = scenarioYAML(
            targets: targets, load: ["concurrency: 2", "requests: 4"],
            workload: ["prompt_tokens: 16", "max_tokens: \(maxTokens)", "ignore_eos: true"])
        let (report, _) = try await runBenchmark(yaml, in: folder)
        return try readRequestRows(report.directory)
    }

    @Test("streamed: the first answer token comes after the prefill and the reasoning phase, later than the first token, and the reasoning tokens are counted", arguments: dialects)
    func streamed(dialect: String) async throws {
        let rows = try await Self.rows(Self.target(dialect))
        #expect(rows.count == 4)
        for row in rows {
            #expect(row["status"] == "ok", "\(dialect): \(row["error"] ?? "")")
            #expect(row["output_tokens"] == "12", "\(dialect)")
            #expect(row["reasoning_tokens"] == "\(Self.reasoningTokens)", "\(dialect)")
            #expect(row["answer_tokens"] == "\(12 - Self.reasoningTokens)", "\(dialect)")
            #expect(row["token_events"] == "12", "\(dialect)")
            let ttft = Double(row["ttft_ms"] ?? "") ?? 0
            let ttfat = Double(row["ttfat_ms"] ?? "") ?? 0
            // The first answer token is due the prefill (20 ms) and the reasoning phase after the
            // request reached the engine: it cannot arrive sooner, however late the first token was.
            let phase = Double(Self.reasoningTokens) * Self.reasoningGapMs
            #expect(ttfat > ttft && ttfat >= 20 + phase - 1, "\(dialect): TTFT \(ttft) ms, TTFAT \(ttfat) ms")
        }
    }

    @Test("not streamed: one token, the answer at once; the reasoning count where the API reports it", arguments: dialects)
    func whole(dialect: String) async throws {
        let rows = try await Self.rows(Self.target(dialect, extra: "    stream: false\n"))
        let reported = ["openai-chat", "openai-responses", "azure-openai-chat", "gemini"].contains(dialect)
        for row in rows {
            #expect(row["status"] == "ok", "\(dialect): \(row["error"] ?? "")")
            #expect(row["output_tokens"] == "12", "\(dialect)")
            #expect(row["ttfat_ms"] == row["ttft_ms"], "\(dialect)")
            #expect(row["reasoning_tokens"] == (reported ? "\(Self.reasoningTokens)" : ""), "\(dialect)")
        }
    }

    @Test("the target's reasoning fields reach the simulator: think false, a thinking budget, a low effort")
    func requestParameters() async throws {
        let targets = [
            Self.target("ollama-chat", name: "no_think", extra: "    think: false\n"),
            Self.target("anthropic-messages", name: "budget", extra: "    thinking_budget: 2\n"),
            Self.target("gemini", name: "gemini_off", extra: "    thinking_budget: 0\n"),
            Self.target("openai-chat", name: "low", extra: "    reasoning_effort: low\n"),
            Self.target("openai-responses", name: "responses_low", extra: "    reasoning_effort: low\n"),
            Self.target("openai-completions", name: "completions"),
            Self.target("bedrock-converse", name: "bedrock_budget", extra: "    thinking_budget: 3\n"),
        ].joined(separator: "\n")
        let rows = try await Self.rows(targets)
        func reasoning(_ target: String) -> Set<String> { Set(rows.filter { $0["target"] == target }.map { $0["reasoning_tokens"] ?? "?" }) }
        #expect(rows.allSatisfy { $0["status"] == "ok" }, "\(rows.map { $0["error"] ?? "" })")
        #expect(reasoning("no_think") == [""])
        #expect(reasoning("budget") == ["2"])
        #expect(reasoning("gemini_off") == ["0"] || reasoning("gemini_off") == [""])
        #expect(reasoning("low") == ["\(Self.reasoningTokens / 2)"])
        #expect(reasoning("responses_low") == ["\(Self.reasoningTokens / 2)"])
        #expect(reasoning("completions") == [""])
        #expect(reasoning("bedrock_budget") == ["3"])
        #expect(rows.filter { $0["target"] == "no_think" }.allSatisfy { $0["ttfat_ms"] == $0["ttft_ms"] })
    }

    @Test("a max_tokens the reasoning fills leaves no answer: ttfat_ms empty, every token reasoning")
    func reasoningOnly() async throws {
        let rows = try await Self.rows(Self.target("anthropic-messages"), maxTokens: 3)
        for row in rows {
            #expect(row["status"] == "ok", "\(row["error"] ?? "")")
            #expect(row["ttfat_ms"] == "")
            #expect(row["reasoning_tokens"] == "3")
            #expect(row["answer_tokens"] == "0")
        }
    }

    @Test("faults apply in the reasoning phase: a stream cut after two tokens ends with reasoning only")
    func faultInReasoning() async throws {
        let target = Self.target("openai-chat", faults: ["disconnect_rate": "1", "disconnect_after_tokens": "2"])
        let rows = try await Self.rows(target)
        for row in rows {
            #expect(row["status"] != "ok")
            #expect(row["token_events"] == "2")
            #expect(row["ttfat_ms"] == "")
        }
    }
}
