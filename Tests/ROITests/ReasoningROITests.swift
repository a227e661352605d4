import Foundation
import Metrics
import Results
import Testing
@testable import ROI

@Suite("ROI with reasoning tokens")
struct ReasoningROITests {
    /// A self-hosted target measured at c1 and c8, `reasoning` of its `output` tokens per request
    /// spent reasoning (nil: no reasoning shown).
    private func target(reasoning: Double?) -> MeasuredTarget {
        let levels = ["c1", "c8"].enumerated().map { index, label in
            LevelMeasurement(
                target: "thinker", level: label, requests: 100, succeeded: 100, inputTokensPerSecond: Double(index + 1) * 2_000,
                outputTokensPerSecond: Double(index + 1) * 400, meetsSLO: true, prefillShare: 0.2, meanInputTokens: 500,
                meanOutputTokens: 400, meanReasoningTokens: reasoning
            )
        }
        return MeasuredTarget(name: "thinker", model: "m", baseURL: "http://127.0.0.1:8000/v1", levels: levels, tasks: TaskTokens(input: 500, output: 400, requests: 100))
    }

    private func result(_ target: MeasuredTarget) throws -> ROIResult {
        var book = try PriceBook.load(directory: packageRoot + "/pricing")
        book.deployment.hardware = "h100-sxm"
        book.deployment.unitsPerServer = 8
        book.deployment.volume = 1e9
        return try ROIAnalysis.run(try ROIPlanner.scenario(book: book, targets: [target], allowSLOMiss: false))
    }

    @Test("reasoning tokens are reported apart, per request and as a share of the output they are priced in")
    func reported() throws {
        let result = try result(target(reasoning: 300))
        let section = try #require(ROIReport.sections(result).first { $0.id == "reasoning" })
        #expect(section.table?.rows == [["thinker", "c8", "300.0", "100.0", ROIFormat.percent(0.75)]])
        // Priced as output: the measured mix is the same as without the split.
        let plain = try self.result(target(reasoning: nil))
        #expect(result.mix == plain.mix)
        #expect(result.onPrem.perMillionOutput == plain.onPrem.perMillionOutput)
        for format in [ROIFormatKind.table, .markdown, .html] {
            #expect(format.render(result).contains("Reasoning tokens"), "\(format)")
        }
    }

    @Test("without reasoning there is no reasoning section")
    func absent() throws {
        #expect(!ROIReport.sections(try result(target(reasoning: nil))).contains { $0.id == "reasoning" })
    }

    @Test("roi reads the reasoning tokens of a run's successful requests: their mean per request, requests without a count as 0")
    func readFromRun() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var rows = ""
        for (id, reasoning) in [(0, 30), (1, 10), (2, 99)] {
            var record = RequestRecord(
                runID: "r", target: "t", loadLevel: "c1", requestID: id, scheduledS: Double(id), startS: Double(id), ttftMs: 10,
                e2eMs: 100, durationMs: 100, promptTokens: 20, outputTokens: 50, status: id == 2 ? .http5xx : .ok
            )
            record.reasoningTokens = reasoning
            rows += RequestsCSV.row(record)
        }
        _ = try write(RequestsCSV.header + rows, "requests.csv", in: folder)
        let level = try #require(try RunReader.read([folder]).first?.levels.first)
        #expect(level.meanReasoningTokens == 20)
    }
}
