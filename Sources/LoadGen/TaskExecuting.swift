import Workload

/// Runs one workload item: as one request, as an agent's turns (``RequestExecutor``, through
/// ``AgentLoop``), or as a task of several requests in turn (``PipelineExecutor``), each measured
/// into its own record, in send order.
protocol TaskExecuting: Sendable {
    /// Sends `item` (its first request due at `scheduledAt`, monotonic ns) and hands every request
    /// it took to `deliver` as soon as that request is measured (so an interrupted task keeps the
    /// rows it measured); at least one.
    func executeTask(
        _ item: PromptItem, loadLevel: String, requestID: Int, scheduledAt: UInt64, deliver: (RequestExecutor.Measurement) -> Void
    ) async
}

extension RequestExecutor: TaskExecuting {
    /// The item as one request, or, for an agent task, each of its turns.
    func executeTask(
        _ item: PromptItem, loadLevel: String, requestID: Int, scheduledAt: UInt64, deliver: (Measurement) -> Void
    ) async {
        if let task = item.agent {
            await AgentLoop(executor: self).run(item, task: task, loadLevel: loadLevel, requestID: requestID, scheduledAt: scheduledAt, deliver: deliver)
        } else {
            deliver(await execute(item, loadLevel: loadLevel, requestID: requestID, scheduledAt: scheduledAt))
        }
    }
}
