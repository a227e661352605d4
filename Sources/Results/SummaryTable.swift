import Metrics

/// The per-target, per-level table printed at the end of a run.
public enum SummaryTable {
    /// Column headings.
    static let headings = [
        "target", "level", "requests", "errors", "req/s", "out tok/s",
        "TTFT p50 ms", "TTFT p99 ms", "TPOT p50 ms", "TPOT p99 ms", "E2E p50 ms", "E2E p99 ms", "lag p99 ms",
    ]

    /// Renders summaries as an aligned plain-text table (numbers right-aligned).
    public static func render(_ summaries: [LevelSummary]) -> String {
        let rows = summaries.map { summary -> [String] in
            [
                summary.target, summary.loadLevel, String(summary.requests), String(summary.failed),
                number(summary.requestsPerSecond, 2), number(summary.outputTokensPerSecond, 1),
                number(summary.ttft.percentileMs(50), 1), number(summary.ttft.percentileMs(99), 1),
                number(summary.tpot.percentileMs(50), 2), number(summary.tpot.percentileMs(99), 2),
                number(summary.e2e.percentileMs(50), 1), number(summary.e2e.percentileMs(99), 1),
                number(summary.sendLag.percentileMs(99), 2),
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

    private static func number(_ value: Double?, _ decimals: Int) -> String {
        guard let value, value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        let text = String(rounded)
        guard let dot = text.firstIndex(of: ".") else { return text }
        let fraction = text[text.index(after: dot)...]
        return decimals == 0 ? String(text[..<dot]) : text + String(repeating: "0", count: max(0, decimals - fraction.count))
    }
}
