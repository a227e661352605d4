import Foundation
@testable import Results
import Testing

/// Splits a table row into cells at pipes that are not escaped.
private func cells(_ row: String) -> [String] {
    var cells: [String] = []
    var current = ""
    var escaped = false
    for character in row {
        if escaped {
            current.append(character)
            escaped = false
        } else if character == "\\" {
            current.append(character)
            escaped = true
        } else if character == "|" {
            cells.append(current)
            current = ""
        } else {
            current.append(character)
        }
    }
    cells.append(current)
    return cells
}

@Suite("Markdown report")
struct ReportMarkdownTests {
    private let markdown = ReportMarkdown.render(ReportData(runs: [ReportSample.run()]))

    @Test("every table has a header, a separator and rows of the same width")
    func wellFormedTables() throws {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var tables: [[String]] = []
        var current: [String] = []
        for line in lines {
            if line.hasPrefix("|") {
                current.append(line)
            } else if !current.isEmpty {
                tables.append(current)
                current = []
            }
        }
        #expect(tables.count >= 5, "metadata, targets, load levels, saturation, summary, errors")
        for table in tables {
            try #require(table.count >= 2)
            let width = cells(table[0]).count
            #expect(table.allSatisfy { $0.hasSuffix("|") })
            #expect(table.allSatisfy { cells($0).count == width }, "ragged table:\n\(table.joined(separator: "\n"))")
            let separator = cells(table[1]).dropFirst().dropLast()
            #expect(separator.allSatisfy { $0 == "---" || $0 == "---:" }, "bad separator \(table[1])")
        }
    }

    @Test("run, summary and errors sections are present; charts point to the HTML report")
    func sections() {
        for heading in ["# repat report", "## Run", "#### Targets", "#### Saturation search", "## Summary", "## Errors"] {
            #expect(markdown.contains("\n\(heading)\n") || markdown.hasPrefix(heading + "\n"), "missing \(heading)")
        }
        #expect(markdown.contains("HTML report"))
        #expect(!markdown.contains("<svg"))
    }

    @Test("pipes, line breaks and markup in cells cannot break a table")
    func cellEscaping() {
        #expect(ReportMarkdown.cell("a|b\nc<d>") == "a\\|b c&lt;d&gt;")
        #expect(ReportMarkdown.cell("") == " ")
        #expect(markdown.contains("HTTP 500: &lt;script&gt;alert(1)&lt;/script&gt; \\| broken line"))
        #expect(!markdown.contains("<b>evil"))
    }
}
