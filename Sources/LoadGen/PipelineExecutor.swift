import CurlTransport
import Dialects
import Metrics
import Workload

/// Runs one workload item through a retrieval pipeline, one step after the other: the embedding
/// target embeds the query (a batch of one), the rerank target scores the item's documents
/// against it, and the generation target answers the query from the `top_k` documents (best
/// scored first after a rerank, else in the item's order) placed before it.
///
/// Each step is one record under the pipeline's name, with its `request_kind` and `step` (0, 1,
/// 2); the next step is sent as soon as one ends, and a failed step ends the task. The last step
/// of a task that succeeded carries `task_ms`: from the first step's send to the last one's end.
struct PipelineExecutor: TaskExecuting {
    /// The pipeline's name: the `target` of its rows.
    let name: String
    /// One executor per step, in step order.
    let steps: [RequestExecutor]
    /// Documents kept for the generation step.
    let topK: Int

    /// The executor of `pipeline` named `name`; each step's requests as `makeExecutor` builds them.
    init(name: String, pipeline: ResolvedPipeline, makeExecutor: (ResolvedTarget) -> RequestExecutor) {
        self.name = name
        steps = pipeline.steps.map(makeExecutor)
        topK = pipeline.topK
    }

    func executeTask(
        _ item: PromptItem, loadLevel: String, requestID: Int, scheduledAt: UInt64, deliver: (RequestExecutor.Measurement) -> Void
    ) async {
        var ranking: [Int]?
        var firstStartS: Double?
        for (position, executor) in steps.enumerated() {
            let stepItem = Self.item(for: executor.target.dialect.requestKind, from: item, ranking: ranking, topK: topK)
            var measurement = await executor.execute(
                stepItem, loadLevel: loadLevel, requestID: requestID, scheduledAt: position == 0 ? scheduledAt : MonotonicClock.now())
            measurement.record.target = name
            measurement.record.step = position
            let started = firstStartS ?? measurement.record.startS
            firstStartS = started
            guard measurement.record.status.isSuccess else {
                deliver(measurement)
                return
            }
            if position == steps.count - 1 {
                let endS = measurement.record.startS + measurement.record.durationMs / 1000
                measurement.record.taskMs = max(0, (endS - started) * 1000)
            }
            if executor.target.dialect.requestKind == .rerank { ranking = measurement.ranking }
            deliver(measurement)
        }
    }

    /// What a step of `kind` sends for `item`: the query alone to embed, the query and documents
    /// to rerank, or the conversation with the kept documents before the query to generate.
    /// An item without documents is sent as it is (its request then fails with a clear error).
    static func item(for kind: RequestKind, from item: PromptItem, ranking: [Int]?, topK: Int) -> PromptItem {
        guard let retrieval = item.retrieval else { return item }
        var step = item
        switch kind {
        case .embedding:
            step.retrieval = RetrievalInput(query: retrieval.query, documents: [retrieval.query])
        case .rerank:
            break
        case .generation:
            let order = ranking ?? Array(retrieval.documents.indices)
            let kept = order.prefix(topK).filter { retrieval.documents.indices.contains($0) }.map { retrieval.documents[$0] }
            var prompt = "Answer the question from these documents.\n\n"
            for (number, document) in kept.enumerated() {
                prompt += "[\(number + 1)] \(document)\n\n"
            }
            prompt += "Question: \(retrieval.query)"
            step.messages = item.messages.filter { $0.role == "system" } + [ChatMessage(role: "user", content: prompt)]
            step.retrieval = nil
        }
        return step
    }
}
