import Foundation
import Metrics
import Results
import Testing
@testable import ROI

@Suite("ROI with answer quality")
struct QualityROITests {
    /// A target measured at c1 and c8 whose answers passed `passed` of `scored` at every level.
    private func target(_ name: String, url: String, passed: Int, of scored: Int, input: Double = 500, output: Double = 100) -> MeasuredTarget {
        let levels = ["c1", "c8"].enumerated().map { index, label in
            LevelMeasurement(
                target: name, level: label, requests: 100, succeeded: 100, inputTokensPerSecond: Double(index + 1) * 2_000,
                outputTokensPerSecond: Double(index + 1) * 400, meetsSLO: true, prefillShare: 0.2, meanInputTokens: input,
                meanOutputTokens: output, quality: QualityTally(scored: scored, passed: passed)
            )
        }
        return MeasuredTarget(name: name, model: url.contains("openai.com") ? "gpt-4o" : "m", baseURL: url, levels: levels, tasks: TaskTokens(input: input, output: output, requests: 100))
    }

    private func result(_ targets: [MeasuredTarget]) throws -> (ROIScenario, ROIResult) {
        var book = try PriceBook.load(directory: packageRoot + "/pricing")
        book.deployment.hardware = "h100-sxm"
        book.deployment.unitsPerServer = 8
        book.deployment.volume = 1e9
        let scenario = try ROIPlanner.scenario(book: book, targets: targets, allowSLOMiss: false)
        return (scenario, try ROIAnalysis.run(scenario))
    }

    @Test("cost per correct task is cost per task ÷ pass rate: buying and renting at the on-prem rate, a measured API at its own")
    func costPerCorrectTask() throws {
        let (scenario, result) = try result([
            target("vllm", url: "http://127.0.0.1:8000/v1", passed: 60, of: 100),
            target("openai", url: "https://api.openai.com/v1", passed: 90, of: 100, input: 450, output: 120),
        ])
        #expect(result.passRates == ["vllm": QualityTally(scored: 100, passed: 60), "openai": QualityTally(scored: 100, passed: 90)])
        let rows = Dictionary(uniqueKeysWithValues: result.correctTasks.map { ($0.option, $0) })
        let api = try #require(rows["API openai/gpt-4o"])
        // gpt-4o: 2.50 USD / 1M in, 10.00 out, converted at the shipped rate, then ÷ 0.9.
        let apiTask = (450 * 2.5 + 120 * 10) / 1_000_000 / scenario.exchange.usdPerEUR
        #expect(api.scoredOn == "openai")
        #expect(abs(api.perCorrectTask - apiTask / 0.9) < 1e-12)
        let buyTask = try #require(result.tasks.first).perTask
        let buy = try #require(result.correctTasks.first)
        #expect(buy.option == result.onPrem.name && buy.scoredOn == "vllm")
        #expect(abs(buy.perCorrectTask - buyTask / 0.6) < 1e-12)
        #expect(result.rents.allSatisfy { rows[$0.name]?.scoredOn == "vllm" })
        // APIs not measured in the run have no pass rate, hence no row.
        #expect(result.correctTasks.count == 1 + result.rents.count + 1)
        let section = try #require(ROIReport.sections(result).first { $0.id == "per-correct-task" })
        #expect(section.table?.rows.first { $0.first == "API openai/gpt-4o" }?.contains("90.0%") == true)
        let summary = ROISummary.text(result, width: 400)
        #expect(summary.contains("API openai/gpt-4o \(ROIFormat.amount(api.perCorrectTask)) (openai passed 90.0%, 95% 82.6%–94.5%)"))
    }

    @Test("the verdict warns when the on-prem pass rate is below the reference's beyond the 95% intervals, and only then")
    func warning() throws {
        let (_, worse) = try result([
            target("vllm", url: "http://127.0.0.1:8000/v1", passed: 60, of: 100),
            target("openai", url: "https://api.openai.com/v1", passed: 90, of: 100),
        ])
        #expect(worse.referenceAPI == "openai/gpt-4o")
        #expect(worse.verdict.contains("Quality warning: vllm passed 60.0% (95% 50.2%–69.1%) of the identical prompts, below openai (openai/gpt-4o) at 90.0% (95% 82.6%–94.5%)"))
        let (_, close) = try result([
            target("vllm", url: "http://127.0.0.1:8000/v1", passed: 80, of: 100),
            target("openai", url: "https://api.openai.com/v1", passed: 85, of: 100),
        ])
        #expect(!close.verdict.contains("Quality warning"), "overlapping intervals do not show a difference")
    }

    @Test("without scored answers there is no pass rate and no cost per correct task")
    func unscored() throws {
        let (_, result) = try result([target("vllm", url: "http://127.0.0.1:8000/v1", passed: 0, of: 0)])
        #expect(result.passRates.isEmpty && result.correctTasks.isEmpty)
        #expect(!ROIReport.sections(result).contains { $0.id == "per-correct-task" })
    }
}
