import CurlTransport
import Dialects
import LoadGen
import LoopbackSupport
import Metrics
import Simulator
import Testing
import Workload

/// Embedding and rerank dialects driven against the built-in simulator over loopback.
@Suite("embedding and rerank dialects against the simulator")
struct RetrievalLoopbackTests {
    private func scenario(_ dialect: String, options: [String: String] = [:], batch: Int = 4) -> String {
        scenarioYAML(
            targets: simulatedTarget("sim", dialect: dialect, options: options), load: ["concurrency: [2]", "requests: 6"],
            workload: ["embeddings:", "  batch_size: \(batch)", "  input_tokens: 20", "  query_tokens: 5"])
    }

    @Test(
        "every request of every dialect is one ok row: its kind, its inputs, prompt tokens, latency as e2e, no TTFT",
        arguments: [
            ("openai-embeddings", RequestKind.embedding, true), ("ollama-embed", .embedding, true),
            ("tei-embed", .embedding, false), ("rerank", .rerank, true), ("tei-rerank", .rerank, false),
        ])
    func dialect(_ dialect: String, kind: RequestKind, reportsTokens: Bool) async throws {
        let plan = try makePlan(scenario(dialect))
        try await withSimulators(plan) { plan, servers, transport in
            let (summary, records) = await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport)
            #expect(records.count == 6)
            for record in records {
                #expect(record.status == .ok, "\(dialect) request \(record.requestID): \(record.error)")
                #expect(record.requestKind == kind)
                #expect(record.inputs == 4)
                // The simulator counts a word a token: 4 documents of 20 words, and a rerank's
                // 5-word query once per document.
                #expect(record.promptTokens == (reportsTokens ? (kind == .rerank ? 100 : 80) : nil))
                #expect(record.ttftMs == nil && record.tpotMs == nil && record.itlP50Ms == nil)
                #expect(record.outputTokens == 0 && record.tokenEvents == 0)
                let e2e = try #require(record.e2eMs)
                #expect(e2e > 0 && e2e <= record.durationMs)
            }
            #expect(summary.inputs == 24)
            let inputsPerSecond = try #require(summary.inputsPerSecond)
            #expect(abs(inputsPerSecond - 24 / summary.durationS) < 1e-9)
            #expect(summary.ttft.percentileMs(50) == nil && summary.e2e.count == 6)
            #expect(servers[0].statistics.requestsServed == 6)
        }
    }

    @Test("the simulator cost model: 8 documents of 20 words take at least 20 ms + 8 × 2 ms + 160 tokens × 0.1 ms")
    func costModel() async throws {
        let options = ["embed_base_ms": "20", "embed_ms_per_input": "2", "embed_ms_per_token": "0.1"]
        let plan = try makePlan(scenario("openai-embeddings", options: options, batch: 8))
        try await withSimulators(plan) { plan, _, transport in
            let (_, records) = await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport)
            for record in records {
                #expect(record.status == .ok)
                #expect((record.e2eMs ?? 0) >= 20 + 16 + 16)
            }
        }
    }

    @Test("faults: a malformed body is a parse error, an injected 500 an HTTP error, a disconnect a transport error")
    func faults() async throws {
        for (option, outcome) in [("malformed_rate", Outcome.parseError), ("error_rate", .http5xx), ("disconnect_rate", .transportError)] {
            let plan = try makePlan(scenario("tei-embed", options: [option: "1"]))
            try await withSimulators(plan) { plan, _, transport in
                let (summary, records) = await runLevel(plan.targets[0], level: plan.levels[0], workload: plan.workload(), transport: transport)
                #expect(records.allSatisfy { $0.status == outcome }, "\(option): \(records.map(\.status))")
                #expect(summary.inputsPerSecond == nil)
            }
        }
    }
}
