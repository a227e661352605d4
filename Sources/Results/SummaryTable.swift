import Metrics

/// The per-target, per-level table printed at the end of a run.
public enum SummaryTable {
    /// Column headings.
    static let headings = [
        "target", "level", "requests", "errors", "req/s", "out tok/s",
        "TTFT p50 ms", "TTFT p99 ms", "TPOT p50 ms", "TPOT p99 ms", "E2E p50 ms", "E2E p99 ms", "lag p99 ms",
    ]

    /// Renders summaries as an aligned plain-text table (numbers right-aligned, written by
    /// ``FigureText`` as in `summary.csv` and the report).
    public static func render(_ summaries: [LevelSummary]) -> String {
        let rows = summaries.map { summary -> [String] in
            [
                summary.target, summary.loadLevel, String(summary.requests), String(summary.failed),
                FigureText.cell(summary.requestsPerSecond), FigureText.cell(summary.outputTokensPerSecond),
                FigureText.cell(summary.ttft.percentileMs(50)), FigureText.cell(summary.ttft.percentileMs(99)),
                FigureText.cell(summary.tpot.percentileMs(50)), FigureText.cell(summary.tpot.percentileMs(99)),
                FigureText.cell(summary.e2e.percentileMs(50)), FigureText.cell(summary.e2e.percentileMs(99)),
                FigureText.cell(summary.sendLag.percentileMs(99)),
            ]
        }
        let all = [headings] + rows
        let widths = headings.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column < 2 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
