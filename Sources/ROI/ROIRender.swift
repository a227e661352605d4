import Foundation
import RepatSupport
import Results

/// The report's output formats.
public enum ROIFormatKind: String, Sendable, CaseIterable {
    /// Aligned plain-text tables for a terminal.
    case table
    /// One long CSV: `section,row,column,value`.
    case csv
    /// Markdown headings and tables.
    case markdown
    /// One self-contained HTML page with a tornado chart.
    case html

    /// The report of `result` in this format.
    public func render(_ result: ROIResult) -> String {
        let sections = ROIReport.sections(result)
        switch self {
        case .table: return ROIRender.text(sections)
        case .csv: return ROIRender.csv(sections)
        case .markdown: return ROIRender.markdown(sections)
        case .html: return ROIRender.html(sections, result: result)
        }
    }
}

/// Renders ``ROISection``s.
enum ROIRender {
    /// Plain text: a heading per section, then sentences, then the table with aligned columns.
    static func text(_ sections: [ROISection]) -> String {
        sections.map { section in
            var out = "== \(section.title) ==\n"
            for line in section.text { out += line + "\n" }
            if let table = section.table {
                let all = [table.headings] + table.rows
                let widths = table.headings.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
                for row in all {
                    out += row.enumerated().map { column, cell in
                        let padding = String(repeating: " ", count: max(0, widths[column] - cell.count))
                        return table.numericColumns.contains(column) ? padding + cell : cell + padding
                    }.joined(separator: "  ").trimmingTrailingSpace + "\n"
                }
            }
            return out
        }.joined(separator: "\n")
    }

    /// CSV, one value per line: `section,row,column,value` (sentences as column `text`).
    static func csv(_ sections: [ROISection]) -> String {
        var lines = ["section,row,column,value"]
        for section in sections {
            for (index, line) in section.text.enumerated() {
                lines.append([section.id, String(index + 1), "text", line].map(CSVField.text).joined(separator: ","))
            }
            guard let table = section.table else { continue }
            for row in table.rows {
                for (column, cell) in row.enumerated() where column > 0 {
                    lines.append([section.id, row[0], table.headings[column], cell].map(CSVField.text).joined(separator: ","))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Markdown: `#` title, `##` per section, pipe tables with escaped cells.
    static func markdown(_ sections: [ROISection]) -> String {
        var out = "# repat roi\n"
        for section in sections {
            out += "\n## \(section.title)\n\n"
            for line in section.text { out += escape(line) + "\n\n" }
            guard let table = section.table else { continue }
            out += "| " + table.headings.map(escape).joined(separator: " | ") + " |\n"
            out += "|" + table.headings.indices.map { table.numericColumns.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
            for row in table.rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
        }
        return out
    }

    /// One self-contained page: inline CSS, the tables, the tornado as inline SVG; no scripts.
    static func html(_ sections: [ROISection], result: ROIResult) -> String {
        let tornado = SVGTornadoChart(
            title: "What moves the saving per 1M tokens", valueTitle: result.tornado.output, base: result.tornado.base,
            bars: result.tornado.bars.map { SVGTornadoChart.Bar(label: $0.parameter, lowText: $0.lowInput, highText: $0.highInput, low: $0.lowOutput, high: $0.highOutput) }
        )
        var page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>repat roi — \(SVGEscape.text(result.primaryTarget))</title>
        <style>\(style)</style>
        </head>
        <body>
        <h1>Is repatriation worth it?</h1>
        <nav>\(sections.map { "<a href=\"#\($0.id)\">\(SVGEscape.text($0.title))</a>" }.joined(separator: " · "))</nav>

        """
        for section in sections {
            page += "<section id=\"\(section.id)\">\n<h2>\(SVGEscape.text(section.title))</h2>\n"
            for line in section.text { page += "<p\(section.id == "verdict" ? " class=\"verdict\"" : "")>\(SVGEscape.text(line))</p>\n" }
            if section.id == "sensitivity" { page += "<figure>\n\(tornado.render())</figure>\n" }
            if let table = section.table { page += ReportHTML.table(table) }
            page += "</section>\n"
        }
        page += """
        <footer>Generated by repat \(SVGEscape.text(RepatVersion.current)). Self-contained: no scripts, fonts or images are fetched.</footer>
        </body>
        </html>

        """
        return page
    }

    private static func escape(_ cell: String) -> String {
        cell.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    private static let style = """

    body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; margin: 0 auto; padding: 16px 24px; max-width: 1260px; background: #fff; }
    h1 { margin: 0 0 6px; font-size: 26px; } h2 { border-bottom: 2px solid #ddd; padding-bottom: 4px; margin-top: 28px; }
    nav a { color: #2b5d9b; text-decoration: none; }
    .verdict { font-size: 16px; background: #f3f7fc; border-left: 4px solid #4e79a7; padding: 8px 12px; }
    table { border-collapse: collapse; font-size: 13px; margin: 6px 0 10px; }
    th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
    th { background: #f3f5f8; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    tbody tr:nth-child(even) { background: #fafafa; }
    td { max-width: 480px; overflow-wrap: anywhere; }
    figure { margin: 0 0 10px; border: 1px solid #e5e5e5; border-radius: 4px; display: inline-block; }
    footer { margin-top: 32px; color: #888; font-size: 12px; }

    """
}
