import CurlTransport
import Dialects
@testable import LoadGen
import LoopbackSupport
import Metrics
import Simulator
import Testing
import Workload

/// Retrieval pipelines driven against the built-in simulator over loopback.
@Suite("retrieval pipelines against the simulator")
struct PipelineLoopbackTests {
    private func scenario(rerankOptions: [String: String] = [:]) -> String {
        let targets = [
            simulatedTarget("embed", dialect: "openai-embeddings"), simulatedTarget("rank", dialect: "rerank", options: rerankOptions),
            simulatedTarget("chat"),
        ].joined(separator: "\n")
        return scenarioYAML(
            targets: targets + "\npipelines:\n  - name: rag\n    steps: [embed, rank, chat]\n    top_k: 2",
            load: ["concurrency: [2]", "requests: 5"],
            workload: ["embeddings:", "  batch_size: 6", "  input_tokens: 12", "  query_tokens: 4", "max_tokens: 5", "ignore_eos: true"])
    }

    @Test("each task is three rows under the pipeline's name, steps 0 to 2, the last carrying task_ms of at least their durations")
    func tasks() async throws {
        let plan = try makePlan(scenario())
        #expect(plan.drivenTargets.map(\.spec.name) == ["rag"])
        try await withSimulators(plan) { plan, servers, transport in
            let pipeline = try #require(plan.drivenTargets.first)
            #expect(pipeline.pipeline?.steps.allSatisfy { $0.baseURL.hasPrefix("http://127.0.0.1:") } == true, "steps point at their simulators")
            let (summary, records) = await runLevel(pipeline, level: plan.levels[0], workload: plan.workload(), transport: transport)
            #expect(records.count == 15)
            for task in 0..<5 {
                let rows = records.filter { $0.requestID == task }.sorted { $0.step < $1.step }
                try #require(rows.count == 3)
                #expect(rows.map(\.step) == [0, 1, 2])
                #expect(rows.map(\.requestKind) == [.embedding, .rerank, .generation])
                #expect(rows.allSatisfy { $0.target == "rag" && $0.status == .ok })
                #expect(rows.map(\.inputs) == [1, 6, nil])
                #expect(rows[2].outputTokens == 5)
                #expect(rows[0].taskMs == nil && rows[1].taskMs == nil)
                let taskMs = try #require(rows[2].taskMs)
                #expect(taskMs >= rows.reduce(0) { $0 + $1.durationMs } - 0.01)
                #expect(rows[1].startS >= rows[0].startS + rows[0].durationMs / 1000 - 1e-6, "a step starts after the previous ended")
            }
            #expect(summary.target == "rag")
            #expect(summary.requests == 15)
            #expect(summary.items == 5, "progress and the workload digest count items, not steps")
            #expect(summary.inputs == 35)
            #expect(servers.map(\.statistics.requestsServed) == [5, 5, 5])
        }
    }

    @Test("a failing step ends its task: no generation is sent and no task_ms is recorded")
    func failingStep() async throws {
        let plan = try makePlan(scenario(rerankOptions: ["error_rate": "1"]))
        try await withSimulators(plan) { plan, servers, transport in
            let pipeline = try #require(plan.drivenTargets.first)
            let (_, records) = await runLevel(pipeline, level: plan.levels[0], workload: plan.workload(), transport: transport)
            #expect(records.count == 10)
            #expect(records.filter { $0.step == 1 }.allSatisfy { $0.status == .http5xx })
            #expect(records.allSatisfy { $0.taskMs == nil && $0.step < 2 })
            #expect(servers[2].statistics.requestsServed == 0)
        }
    }

    @Test("the generation step puts the top_k documents, best ranked first, before the question")
    func generationPrompt() {
        let item = PromptItem(
            index: 0, messages: [ChatMessage(role: "system", content: "Be brief."), ChatMessage(role: "user", content: "q?")], maxTokens: 9,
            retrieval: RetrievalInput(query: "q?", documents: ["zero", "one", "two"]))
        let generation = PipelineExecutor.item(for: .generation, from: item, ranking: [2, 0, 1], topK: 2)
        #expect(generation.messages.map(\.role) == ["system", "user"])
        #expect(generation.messages[1].content == "Answer the question from these documents.\n\n[1] two\n\n[2] zero\n\nQuestion: q?")
        #expect(generation.retrieval == nil)
        let unranked = PipelineExecutor.item(for: .generation, from: item, ranking: nil, topK: 1)
        #expect(unranked.messages[1].content.contains("[1] zero\n\nQuestion"))
        #expect(PipelineExecutor.item(for: .embedding, from: item, ranking: nil, topK: 1).retrieval?.documents == ["q?"])
    }
}
