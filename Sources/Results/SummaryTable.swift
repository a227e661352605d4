import Metrics
import RepatSupport

/// The per-target, per-level table printed at the end of a run: figures, how each level ended and
/// its SLO verdict, then the SLO limits and a note when a level ended early.
public enum SummaryTable {
    /// Column headings.
    static let headings = [
        "target", "level", "requests", "errors", "req/s", "out tok/s",
        "TTFT p50 ms", "TTFT p99 ms", "TPOT p50 ms", "TPOT p99 ms", "E2E p50 ms", "E2E p99 ms", "lag p99 ms", "status", "SLO",
    ]
    /// The heading of the inputs column, shown after `out tok/s` when some level sent embedding or
    /// rerank inputs (`inputs_per_s` in `summary.csv`).
    static let inputsHeading = "inputs/s"
    /// The heading of the quality column, shown before `status` when some level scored answers.
    static let qualityHeading = "pass rate"
    /// The heading of the structured-output column, shown before `status` when some level's
    /// requests asked for an output schema.
    static let schemaHeading = "schema valid"
    /// The heading of the repeat column, shown after `level` when levels were repeated: the
    /// repeat's number, or ``pooledRepeats`` on the row pooling a level's repeats.
    static let repeatHeading = "repeat"
    /// The repeat cell of a row pooling a level's repeats (empty in `summary.csv`).
    static let pooledRepeats = "all"

    /// `2 requests overran max_tokens: the server ignores the length limit`, or nil when no request
    /// of the level was an ``Outcome/overrun``: a finding about the server, said wherever the
    /// level's figures are.
    public static func overrunPhrase(_ summary: LevelSummary) -> String? {
        let count = summary.outcomes[.overrun, default: 0]
        guard count > 0 else { return nil }
        return "\(CountPhrase.text(count, "request")) overran max_tokens: the server ignores the length limit"
    }

    /// Renders the levels as an aligned plain-text table (numbers right-aligned, written by
    /// ``FigureText`` as in `summary.csv` and the report), followed by a line listing `slo`'s limits
    /// when the scenario set any, one per level whose server ignored `max_tokens` (``overrunPhrase(_:)``),
    /// and one saying why partial levels are not judged when there are any.
    /// A `pass rate` column (scored answers that passed, as `quality_pass_rate` in `summary.csv`)
    /// comes before `status` when some level scored answers, then a `schema valid` column (answers
    /// that followed their output schema, as `schema_valid_rate`) when some level asked for one; a
    /// `repeat` column after `level` when levels were repeated; an `inputs/s` column after
    /// `out tok/s` when some level sent embedding or rerank inputs. TTFT and TPOT of such a level
    /// are `-`: it has no tokens streamed back.
    public static func render(_ rows: [SummaryCSV.Row], slo: SLOThresholds? = nil) -> String {
        let scored = rows.contains { $0.summary.quality.scored > 0 }
        let repeated = rows.contains { $0.summary.repetition != nil }
        let structured = rows.contains { $0.summary.schemaValidity.checked > 0 }
        let retrieval = rows.contains { $0.summary.inputs > 0 }
        var headings = headings
        if retrieval { headings.insert(inputsHeading, at: 6) }
        if scored { headings.insert(qualityHeading, at: headings.count - 2) }
        if structured { headings.insert(schemaHeading, at: headings.count - 2) }
        if repeated { headings.insert(repeatHeading, at: 2) }
        // Columns aligned left (text); the others are numbers, aligned right.
        let textColumns: Set<Int> = [0, 1, headings.count - 2, headings.count - 1]
        let cells = rows.map { row -> [String] in
            let summary = row.summary
            var cells = [
                summary.target, summary.loadLevel, String(summary.requests), String(summary.failed),
                FigureText.cell(summary.requestsPerSecond), FigureText.cell(summary.outputTokensPerSecond),
                FigureText.cell(summary.ttft.percentileMs(50)), FigureText.cell(summary.ttft.percentileMs(99)),
                FigureText.cell(summary.tpot.percentileMs(50)), FigureText.cell(summary.tpot.percentileMs(99)),
                FigureText.cell(summary.e2e.percentileMs(50)), FigureText.cell(summary.e2e.percentileMs(99)),
                FigureText.cell(summary.sendLag.percentileMs(99)), row.status.rawValue, row.sloText,
            ]
            if retrieval { cells.insert(FigureText.cell(summary.inputsPerSecond), at: 6) }
            if scored { cells.insert(FigureText.cell(summary.quality.passRate), at: cells.count - 2) }
            if structured { cells.insert(FigureText.cell(summary.schemaValidity.validRate), at: cells.count - 2) }
            if repeated { cells.insert(summary.repetition.map(String.init) ?? pooledRepeats, at: 2) }
            return cells
        }
        let all = [headings] + cells
        let widths = headings.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        var text = all.map { row in
            let line = row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return textColumns.contains(column) ? cell + padding : padding + cell
            }.joined(separator: "  ")
            // A left-aligned last column would pad the line with trailing spaces.
            return String(line.reversed().drop { $0 == " " }.reversed())
        }.joined(separator: "\n") + "\n"
        if let slo {
            let fromSchedule = slo.limits.contains { $0.metric == "ttft" || $0.metric == "e2e" }
            text += "SLOs: \(slo.summary)" + (fromSchedule ? " (TTFT and E2E judged from the scheduled send, as ttft_sched/e2e_sched in summary.csv)" : "") + "\n"
        }
        for row in rows {
            if let overrun = overrunPhrase(row.summary) {
                text += "\(row.summary.target) \(row.summary.loadLevel): \(overrun) (status overrun)\n"
            }
        }
        if rows.contains(where: { $0.status.isPartial }) {
            text += "Levels not completed ended early (interrupted: stopped; aborted: error-rate guard); their figures cover only the part that ran"
            text += slo == nil ? ".\n" : " and they are not judged against the SLOs.\n"
        }
        return text
    }
}
