import CurlTransport
import Metrics
import Workload

/// Runs one agent task (a prompt item with an ``AgentTask``) against one target: sends the item,
/// and while the response calls tools and turns remain, sends it again with the assistant's calls
/// and the dataset's canned results appended, each send one turn measured by the
/// ``RequestExecutor`` as any request.
///
/// Every turn is one record: ``RequestRecord/step`` is the turn (from 0), the task's request id
/// on every turn. The last turn of a task whose every turn succeeded carries
/// ``RequestRecord/taskMs``: from the first turn's send to the last turn's end, the client's time
/// between turns (reading calls, building the next request) included. A failed turn ends the task
/// and carries no `taskMs` (the task did not finish, so it has no latency), nor do earlier turns.
/// A turn that leads to another is not scored for answer quality: only the answer that ends the
/// task is.
struct AgentLoop: Sendable {
    /// Measures each turn.
    let executor: RequestExecutor

    /// Runs `item`'s task; the first turn goes out at `scheduledAt`, later turns as soon as they
    /// are built. `deliver` receives each turn's measurement as soon as it is complete.
    func run(
        _ item: PromptItem, task: AgentTask, loadLevel: String, requestID: Int, scheduledAt: UInt64,
        deliver: (RequestExecutor.Measurement) -> Void
    ) async {
        var conversation = item
        var firstStartS: Double?
        for turn in 0..<task.maxTurns {
            let sendAt = turn == 0 ? scheduledAt : MonotonicClock.now()
            var measurement = await executor.execute(conversation, loadLevel: loadLevel, requestID: requestID, scheduledAt: sendAt)
            measurement.record.step = turn
            let startS = firstStartS ?? measurement.record.startS
            firstStartS = startS
            let record = measurement.record
            let continues = record.status.isSuccess && !measurement.toolCalls.isEmpty && turn + 1 < task.maxTurns && !Task.isCancelled
            if continues {
                measurement.record.quality = nil
                measurement.record.qualityScore = nil
            } else if record.status.isSuccess {
                // Milliseconds on the records' own clock (start_s + duration_ms), so the figure is
                // what requests.csv shows.
                measurement.record.taskMs = (record.startS - startS) * 1000 + record.durationMs
            }
            deliver(measurement)
            guard continues else { return }
            conversation.messages.append(ChatMessage(role: "assistant", content: "", toolCalls: measurement.toolCalls))
            for call in measurement.toolCalls {
                conversation.messages.append(ChatMessage(
                    role: "tool", content: task.result(for: call.name, turn: turn), toolCallID: call.id, toolName: call.name))
            }
        }
    }
}
