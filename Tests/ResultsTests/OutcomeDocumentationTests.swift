import Foundation
import Metrics
@testable import Results
import Testing

@Suite("outcome classes in results/README.md")
struct OutcomeDocumentationTests {
    @Test("every status value is described in the order of the code's outcomes, and summary.csv's count columns span them")
    func documented() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("results/README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try #require(text.range(of: "`status` values: "))
        let end = try #require(text.range(of: "Only `ok` rows", range: start.upperBound..<text.endIndex))
        // Backticked words in the paragraph that name an outcome, each at its first mention.
        var named: [String] = []
        for word in text[start.upperBound..<end.lowerBound].split(separator: "`", omittingEmptySubsequences: false).enumerated().filter({ $0.offset % 2 == 1 }).map({ String($0.element) })
        where Outcome(rawValue: word) != nil && !named.contains(word) {
            named.append(word)
        }
        #expect(named == Outcome.allCases.map(\.rawValue))

        let counts = SummaryCSV.columns.filter { $0.hasPrefix("n_") }
        #expect(text.contains("| `\(try #require(counts.first))` … `\(try #require(counts.last))` |"))
    }
}
