import Metrics

extension ReportTables {
    /// What the answers were judged against: one sentence under the quality table.
    public static let qualityNote = "Successful answers scored against the dataset's expected answers (requests.csv `quality`); "
        + "pass rate with its 95% Wilson score interval, as `quality_pass_rate`, `quality_pass_low` and `quality_pass_high` in summary.csv."

    /// Per target and level with scored answers: answers scored, passed, the pass rate and its 95%
    /// interval, each as `summary.csv` writes it; no rows when no answer was scored.
    public static func quality(_ data: ReportData) -> ReportTable {
        let rows = data.lines.flatMap { line in
            line.levels.compactMap { level -> [String]? in
                let quality = level.summary.quality
                guard quality.scored > 0 else { return nil }
                return [
                    line.name, level.level.label, String(quality.scored), String(quality.passed),
                    FigureText.cell(quality.passRate), FigureText.cell(quality.interval?.lowerBound),
                    FigureText.cell(quality.interval?.upperBound),
                ]
            }
        }
        return ReportTable(
            headings: ["target", "level", "scored", "passed", "pass rate", "95% low", "95% high"], rows: rows,
            numericColumns: Set(2..<7))
    }
}
