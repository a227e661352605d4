import Metrics
import Testing
@testable import Workload

/// `workload.embeddings`, `pipelines:` and the check that each target suits the workload.
@Suite("retrieval scenarios")
struct ScenarioRetrievalTests {
    /// A catalog knowing one dialect of each kind.
    private let catalog = TargetCatalog(dialectTraits: [
        "chat": DialectTraits(), "embed": DialectTraits(requestKind: .embedding), "rank": DialectTraits(requestKind: .rerank),
    ])

    private func target(_ name: String, _ dialect: String) -> String {
        "  - name: \(name)\n    dialect: \(dialect)\n    base_url: sim://\(name)\n    model: m\n"
    }

    private func yaml(targets: [String], workload: String, pipelines: String = "") -> String {
        "name: rag\ntargets:\n" + targets.joined() + "load:\n  concurrency: [2]\n  requests: 4\nworkload:\n" + workload + pipelines
    }

    private let embeddings = "  embeddings:\n    batch_size: 8\n    input_tokens: {distribution: uniform, min: 10, max: 30}\n"

    private func problems(_ text: String) -> [ScenarioProblem] {
        ScenarioLoader(environment: [:], catalog: catalog).read(text, file: "rag.yaml").problems
    }

    @Test("workload.embeddings reads batch size, input lengths and a default query of 16 tokens; max_tokens is optional")
    func embeddingsWorkload() throws {
        let scenario = try ScenarioLoader(environment: [:], catalog: catalog).parse(yaml(targets: [target("e", "embed")], workload: embeddings), file: "rag.yaml")
        #expect(scenario.workload.source == .embeddings(EmbeddingWorkload(batchSize: 8, inputTokens: .uniform(min: 10, max: 30))))
        #expect(scenario.workload.maxTokens == .fixed(128))
        let item = WorkloadGenerator(spec: scenario.workload, seed: 3).item(at: 5)
        let retrieval = try #require(item.retrieval)
        #expect(retrieval.documents.count == 8)
        #expect(retrieval.documents.allSatisfy { (10...30).contains($0.split(separator: " ").count) })
        #expect(retrieval.query.split(separator: " ").count == 16)
        #expect(item.messages.last?.content == retrieval.query)
        #expect(WorkloadGenerator(spec: scenario.workload, seed: 3).item(at: 5) == item, "items are seeded")
    }

    @Test("a generation target beside workload.embeddings, and an embedding target on prompt_tokens, are refused at their dialect")
    func kindMismatch() {
        let mixed = problems(yaml(targets: [target("e", "embed"), target("g", "chat")], workload: embeddings))
        #expect(mixed.map(\.field) == ["targets[1].dialect"])
        #expect(mixed.first?.line == 8)
        #expect(mixed.first?.message.contains("make it the last step of a pipeline") == true)
        let prompts = problems(yaml(targets: [target("r", "rank")], workload: "  prompt_tokens: 10\n  max_tokens: 5\n"))
        #expect(prompts.map(\.field) == ["targets[0].dialect"])
        #expect(prompts.first?.message.contains("asks for reranks (rank)") == true)
    }

    @Test("bad embeddings fields name their line")
    func badFields() {
        let found = problems(yaml(targets: [target("e", "embed")], workload: "  embeddings:\n    batch_size: 0\n    input_tokens: 5\n    turns: 2\n  turns: 2\n"))
        #expect(found.map(\.field) == ["workload.embeddings.batch_size", "workload.embeddings.turns", "workload.turns"])
        #expect(found.map(\.line) == [12, 14, 15])
    }

    @Test("a pipeline runs its targets in order embedding, rerank, generation; its members are not run alone")
    func pipeline() throws {
        let pipelines = "pipelines:\n  - name: g\n    steps: [e, r, g]\n    top_k: 2\n"
        let text = yaml(targets: [target("e", "embed"), target("r", "rank"), target("g", "chat")], workload: embeddings, pipelines: pipelines)
        #expect(problems(text).map(\.message) == ["name 'g' is already used by a target or pipeline"])
        let scenario = try ScenarioLoader(environment: [:], catalog: catalog).parse(text.replacing("name: g\n    steps", with: "name: local-rag\n    steps"), file: "rag.yaml")
        #expect(scenario.pipelines == [PipelineSpec(name: "local-rag", steps: ["e", "r", "g"], topK: 2)])
        #expect(scenario.standaloneTargets.isEmpty)
    }

    @Test("pipeline problems: an unknown step, steps out of order, top_k above the batch, a pipeline without documents")
    func pipelineProblems() {
        let targets = [target("e", "embed"), target("r", "rank"), target("g", "chat")]
        let unknown = problems(yaml(targets: targets, workload: embeddings, pipelines: "pipelines:\n  - name: p\n    steps: [e, x, g]\n"))
        #expect(unknown.map(\.field).contains("pipelines[0].steps[1]"))
        let order = problems(yaml(targets: targets, workload: embeddings, pipelines: "pipelines:\n  - name: p\n    steps: [r, e, g]\n"))
        #expect(order.first { $0.field == "pipelines[0].steps" }?.message.contains("r (rerank), e (embedding), g (generation)") == true)
        let topK = problems(yaml(targets: targets, workload: embeddings, pipelines: "pipelines:\n  - name: p\n    steps: [e, g]\n    top_k: 9\n"))
        #expect(topK.map(\.field).contains("pipelines[0].top_k"))
        let prompts = problems(yaml(targets: [target("g", "chat"), target("r", "rank")], workload: "  prompt_tokens: 10\n  max_tokens: 5\n", pipelines: "pipelines:\n  - name: p\n    steps: [r, g]\n"))
        #expect(prompts.map(\.field) == ["pipelines"])
    }

    @Test("pipeline order: an optional embedding, an optional rerank, then a generation")
    func order() {
        #expect(ScenarioLoader.isPipelineOrder([.embedding, .rerank, .generation]))
        #expect(ScenarioLoader.isPipelineOrder([.rerank, .generation]))
        #expect(ScenarioLoader.isPipelineOrder([.embedding, .generation]))
        #expect(!ScenarioLoader.isPipelineOrder([.embedding, .rerank]))
        #expect(!ScenarioLoader.isPipelineOrder([.generation, .generation]))
    }
}
