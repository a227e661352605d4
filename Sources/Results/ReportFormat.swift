/// The file format of a report.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// One self-contained HTML page with SVG charts.
    case html
    /// Markdown tables for wikis, without charts.
    case markdown

    /// The default file name inside a run folder.
    public var defaultFileName: String {
        switch self {
        case .html: "report.html"
        case .markdown: "report.md"
        }
    }

    /// The report of `data` in this format, with `insert` (the ROI decision) first when given.
    public func render(_ data: ReportData, insert: ReportInsert? = nil) -> String {
        switch self {
        case .html: ReportHTML.render(data, insert: insert)
        case .markdown: ReportMarkdown.render(data, insert: insert)
        }
    }
}
