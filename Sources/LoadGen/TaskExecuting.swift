import Workload

/// Runs one workload item: as one request (``RequestExecutor``), or as a task of several
/// requests in turn (``PipelineExecutor``), each measured into its own record, in send order.
protocol TaskExecuting: Sendable {
    /// Sends `item` (its first request due at `scheduledAt`, monotonic ns) and measures every
    /// request it took; never empty.
    func executeTask(_ item: PromptItem, loadLevel: String, requestID: Int, scheduledAt: UInt64) async -> [RequestExecutor.Measurement]
}

extension RequestExecutor: TaskExecuting {
    /// The item as one request.
    func executeTask(_ item: PromptItem, loadLevel: String, requestID: Int, scheduledAt: UInt64) async -> [Measurement] {
        [await execute(item, loadLevel: loadLevel, requestID: requestID, scheduledAt: scheduledAt)]
    }
}
