import Metrics

extension ReportTables {
    /// What the structured-output table counts: one sentence under it.
    public static let structuredOutputNote = "Successful answers to requests that asked for an output schema, judged after the request: "
        + "valid when the answer text parses as JSON and validates against the schema (requests.csv `schema_valid`); "
        + "valid rate as `schema_valid_rate` in summary.csv."

    /// Per target and level whose requests asked for an output schema: answers judged, valid, and
    /// the valid rate as `summary.csv` writes it; no rows when no request asked for one.
    public static func structuredOutput(_ data: ReportData) -> ReportTable {
        let rows = data.lines.flatMap { line in
            line.levels.compactMap { level -> [String]? in
                let tally = level.summary.schemaValidity
                guard tally.checked > 0 else { return nil }
                return [line.name, level.level.label, String(tally.checked), String(tally.valid), FigureText.cell(tally.validRate)]
            }
        }
        return ReportTable(headings: ["target", "level", "judged", "valid", "valid rate"], rows: rows, numericColumns: Set(2..<5))
    }
}
