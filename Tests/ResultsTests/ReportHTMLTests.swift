import Foundation
import Metrics
@testable import Results
import Testing

@Suite("HTML report")
struct ReportHTMLTests {
    private let html = ReportHTML.render(ReportData(runs: [ReportSample.run()]))

    @Test("every section is present, in order, with its charts")
    func sections() throws {
        var previous = html.startIndex
        for id in ReportHTML.sections {
            let range = try #require(html.range(of: "<section id=\"\(id)\">"), "missing section \(id)")
            #expect(range.lowerBound > previous, "\(id) out of order")
            previous = range.lowerBound
        }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 7, "3 CDFs, 2 throughput-latency, 1 by level, 1 errors")
        for title in ["(TTFT) — CDF", "(TPOT) — CDF", "(E2E) — CDF", "TTFT p50 vs output throughput", "E2E p99 vs output throughput", "Output throughput by load level", "Failed requests by outcome"] {
            #expect(html.contains(title), "missing chart \(title)")
        }
        for field in ["repat version", "run id", "status", "scenario", "seed", "started", "ended", "host", "workload digest", "abc123", "Saturation search", "2.5"] {
            #expect(html.contains(field), "missing metadata \(field)")
        }
    }

    @Test("the page is self-contained: no scripts, styles or links pointing outside it")
    func selfContained() throws {
        for forbidden in ["<script", "<link", "<img", "<iframe", "@import", "url(", "xmlns"] {
            #expect(!html.lowercased().contains(forbidden), "found \(forbidden)")
        }
        let attribute = try NSRegularExpression(pattern: "(?:src|href|action|xlink:href)\\s*=\\s*\"([^\"]*)\"", options: [.caseInsensitive])
        let matches = attribute.matches(in: html, range: NSRange(html.startIndex..., in: html))
        #expect(!matches.isEmpty, "the in-page navigation has links")
        for match in matches {
            let value = (html as NSString).substring(with: match.range(at: 1))
            #expect(value.hasPrefix("#"), "link out of the page: \(value)")
        }
        // URLs appear only as displayed table text (target base URLs, credentials stripped).
        let cells = try NSRegularExpression(pattern: "<td[^>]*>[^<]*</td>")
        let withoutCells = cells.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html), withTemplate: "")
        #expect(!withoutCells.contains("http://") && !withoutCells.contains("https://"))
        #expect(html.contains("<td>http://127.0.0.1:8000/v1</td>"))
        #expect(!html.contains("secret"))
    }

    @Test("target names and error messages are escaped everywhere")
    func escaping() {
        #expect(!html.contains("<b>evil</b>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;b&gt;evil&lt;/b&gt; &amp; &quot;co&quot;"))
        #expect(html.contains("HTTP 500: &lt;script&gt;alert(1)&lt;/script&gt; | broken"))
    }

    @Test("the summary table has one row per target and level")
    func summaryTable() {
        let table = ReportTables.summary(ReportData(runs: [ReportSample.run()]))
        #expect(table.rows.map { [$0[0], $0[1], $0[2], $0[3]] } == [
            ["sim-fast", "c1", "10", "0"], ["sim-fast", "c4", "10", "0"],
            [ReportSample.hostile, "c1", "10", "0"], [ReportSample.hostile, "c4", "10", "3"],
        ])
        #expect(table.rows.allSatisfy { $0.count == table.headings.count })
    }

    @Test("a run without failures says so instead of drawing an empty error chart")
    func noFailures() {
        var run = ReportSample.run()
        run.records = run.records.filter { $0.status.isSuccess }
        let page = ReportHTML.render(ReportData(runs: [run]))
        #expect(page.contains("<p>No failed requests.</p>"))
        #expect(page.components(separatedBy: "<svg ").count - 1 == 6)
    }

    @Test("a requests.csv without run.json still reports, saying metadata is absent")
    func withoutMetadata() {
        var run = ReportSample.run()
        run.metadata = nil
        let page = ReportHTML.render(ReportData(runs: [run]))
        #expect(page.contains("absent: only requests.csv was read"))
        #expect(page.contains("<section id=\"errors\">"))
    }
}
