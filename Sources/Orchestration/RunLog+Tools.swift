import Metrics
import RepatSupport
import Results

extension RunLog {
    /// `sim c4: tool calls in 35 requests, arguments valid 0.914; 35 tasks, task p50 187.135 ms,
    /// p90 …, p99 …, max …`: the level's tool-call and task figures, as summary.csv writes them;
    /// nil when no request called a tool and no record carried a task time.
    static func toolsLine(_ summary: LevelSummary) -> String? {
        var parts: [String] = []
        let calls = summary.toolCalls
        if calls.checked > 0 {
            parts.append("tool calls in \(CountPhrase.text(calls.checked, "request")), arguments valid \(FigureText.cell(calls.validRate))")
        }
        let task = summary.task
        if task.count > 0 {
            let figures = [("p50", task.percentileMs(50)), ("p90", task.percentileMs(90)), ("p99", task.percentileMs(99)), ("max", task.maxMs)]
            parts.append("\(CountPhrase.text(task.count, "task")), task " + figures.map { "\($0.0) \(FigureText.cell($0.1)) ms" }.joined(separator: ", "))
        }
        return parts.isEmpty ? nil : "\(name(summary)): " + parts.joined(separator: "; ")
    }
}
