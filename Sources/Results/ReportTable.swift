/// A table of a report, as plain cell text: rendered to HTML by ``ReportHTML`` and to Markdown by
/// ``ReportMarkdown``, so both formats show the same figures. Cells are not escaped here.
public struct ReportTable: Sendable, Equatable {
    /// Column headings.
    public var headings: [String]
    /// Rows of cells, each as long as `headings`.
    public var rows: [[String]]
    /// Columns holding numbers (right-aligned).
    public var numericColumns: Set<Int>

    /// Creates a table.
    public init(headings: [String], rows: [[String]], numericColumns: Set<Int> = []) {
        self.headings = headings
        self.rows = rows
        self.numericColumns = numericColumns
    }
}
