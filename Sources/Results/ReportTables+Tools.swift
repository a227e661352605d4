import Metrics

extension ReportTables {
    /// What the tool and task figures are: one sentence under their table.
    public static let toolsNote = "Tool calls judged against the offered functions' schemas (requests.csv `tool_calls`, `tool_args_valid`) "
        + "and whole-task latency from the first request's send to the last one's end (`task_ms`), "
        + "as `tool_args_valid_rate` and `task_p50_ms`…`task_max_ms` in summary.csv."

    /// Per target and level with tool calls or tasks: requests with calls, the share with valid
    /// arguments, tasks finished and their latency percentiles, each as `summary.csv` writes it;
    /// no rows when nothing called a tool and no task was timed.
    public static func tools(_ data: ReportData) -> ReportTable {
        let rows = data.lines.flatMap { line in
            line.levels.compactMap { level -> [String]? in
                let calls = level.summary.toolCalls
                let task = level.summary.task
                guard calls.checked > 0 || task.count > 0 else { return nil }
                return [
                    line.name, level.level.label, String(calls.checked), FigureText.cell(calls.validRate), String(task.count),
                    FigureText.cell(task.percentileMs(50)), FigureText.cell(task.percentileMs(90)),
                    FigureText.cell(task.percentileMs(99)), FigureText.cell(task.maxMs),
                ]
            }
        }
        return ReportTable(
            headings: ["target", "level", "with tool calls", "args valid", "tasks", "task p50 ms", "task p90 ms", "task p99 ms", "task max ms"],
            rows: rows, numericColumns: Set(2..<9))
    }
}
