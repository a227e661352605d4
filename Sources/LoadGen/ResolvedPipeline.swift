/// A retrieval pipeline ready to be driven: the targets of its steps, resolved (and, for
/// `sim://` targets, attached to their simulators), in step order.
public struct ResolvedPipeline: Sendable {
    /// The steps' targets: an optional embedding target, an optional rerank target, then the
    /// generation target.
    public var steps: [ResolvedTarget]
    /// Documents placed before the question in the generation step.
    public var topK: Int

    /// Creates a resolved pipeline.
    public init(steps: [ResolvedTarget], topK: Int) {
        self.steps = steps
        self.topK = topK
    }
}
