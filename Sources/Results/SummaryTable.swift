import Metrics

/// The per-target, per-level table printed at the end of a run: figures, how each level ended and
/// its SLO verdict, then the SLO limits and a note when a level ended early.
public enum SummaryTable {
    /// Column headings.
    static let headings = [
        "target", "level", "requests", "errors", "req/s", "out tok/s",
        "TTFT p50 ms", "TTFT p99 ms", "TPOT p50 ms", "TPOT p99 ms", "E2E p50 ms", "E2E p99 ms", "lag p99 ms", "status", "SLO",
    ]
    /// Columns aligned left (text); the others are numbers, aligned right.
    private static let textColumns: Set<Int> = [0, 1, headings.count - 2, headings.count - 1]

    /// Renders the levels as an aligned plain-text table, followed by a line listing `slo`'s limits
    /// when the scenario set any, and one saying why partial levels are not judged when there are any.
    public static func render(_ rows: [SummaryCSV.Row], slo: SLOThresholds? = nil) -> String {
        let cells = rows.map { row -> [String] in
            let summary = row.summary
            return [
                summary.target, summary.loadLevel, String(summary.requests), String(summary.failed),
                number(summary.requestsPerSecond, 2), number(summary.outputTokensPerSecond, 1),
                number(summary.ttft.percentileMs(50), 1), number(summary.ttft.percentileMs(99), 1),
                number(summary.tpot.percentileMs(50), 2), number(summary.tpot.percentileMs(99), 2),
                number(summary.e2e.percentileMs(50), 1), number(summary.e2e.percentileMs(99), 1),
                number(summary.sendLag.percentileMs(99), 2), row.status.rawValue, row.sloText,
            ]
        }
        let all = [headings] + cells
        let widths = headings.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        var text = all.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return textColumns.contains(column) ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
        if let slo {
            let fromSchedule = slo.limits.contains { $0.metric == "ttft" || $0.metric == "e2e" }
            text += "SLOs: \(slo.summary)" + (fromSchedule ? " (TTFT and E2E judged from the scheduled send, as ttft_sched/e2e_sched in summary.csv)" : "") + "\n"
        }
        if rows.contains(where: { $0.status.isPartial }) {
            text += "Levels not completed ended early (interrupted: stopped; aborted: error-rate guard); their figures cover only the part that ran"
            text += slo == nil ? ".\n" : " and they are not judged against the SLOs.\n"
        }
        return text
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
