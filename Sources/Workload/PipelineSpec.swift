/// A retrieval pipeline (`pipelines:`): a task made of requests to other targets of the scenario,
/// run once per workload item. Its steps are, in this order, an optional embedding of the query,
/// an optional rerank of the item's documents against the query, and a generation answering the
/// query from the documents kept; the targets it names are then not driven on their own.
public struct PipelineSpec: Sendable, Equatable {
    /// Unique name among the scenario's targets and pipelines; the `target` column of its rows.
    public var name: String
    /// The targets of its steps, by name, in step order (2 or 3).
    public var steps: [String]
    /// Documents placed before the question in the generation step (`top_k`): the best-scored
    /// after a rerank, else the first.
    public var topK: Int

    /// Creates a pipeline.
    public init(name: String, steps: [String], topK: Int = 3) {
        self.name = name
        self.steps = steps
        self.topK = topK
    }
}
