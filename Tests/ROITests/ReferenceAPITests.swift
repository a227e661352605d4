import Foundation
import Testing
@testable import ROI

@Suite("like for like: the reference API serves the on-prem model, or there is no automatic verdict")
struct ReferenceAPITests {
    /// One level at 2,500 output tok/s (and five input tokens per output token), as an 8×H100
    /// server serving a 70B model might sustain.
    private func target(model: String?) -> MeasuredTarget {
        let level = LevelMeasurement(
            target: "h100", level: "c64", requests: 200, succeeded: 200, inputTokensPerSecond: 12_500, outputTokensPerSecond: 2_500,
            meetsSLO: true, powerMeanW: nil, idlePowerW: nil, powerSource: nil, prefillShare: 0.2, meanInputTokens: 500, meanOutputTokens: 100
        )
        return MeasuredTarget(name: "h100", model: model, baseURL: "http://gpu:8000/v1", levels: [level], tasks: TaskTokens(input: 500, output: 100, requests: 200))
    }

    private func book() throws -> PriceBook {
        var book = try PriceBook.load(directory: packageRoot + "/pricing")
        book.deployment.hardware = "h100-sxm"
        book.deployment.unitsPerServer = 8
        book.deployment.utilisation = 0.3
        return book
    }

    private let llama = ["ovhcloud/llama-3.3-70b-instruct", "scaleway/llama-3.3-70b-instruct", "bedrock/llama-3.3-70b"]

    @Test("8×H100 serving Llama 3.3 70B: the reference is the cheapest Llama 3.3 70B API, not the cheapest API, and mistral-small sits under 'different model'")
    func llama70B() throws {
        let scenario = try ROIPlanner.scenario(book: try book(), targets: [target(model: "meta-llama/Llama-3.3-70B-Instruct")], allowSLOMiss: false)
        let result = try ROIAnalysis.run(scenario)
        let same = result.apis.filter { $0.group == .sameModel }
        #expect(Set(same.map(\.price.id)) == Set(llama))
        let cheapestSame = try #require(same.min { $0.perMillionBlended < $1.perMillionBlended })
        #expect(result.referenceAPI == cheapestSame.price.id)
        #expect(result.referenceChoice == .sameModel(count: 3))
        let cheapestOverall = try #require(result.apis.min { $0.perMillionBlended < $1.perMillionBlended })
        #expect(cheapestOverall.price.id != result.referenceAPI, "the cheapest API of all serves another model")

        #expect(result.verdict.hasPrefix("On-prem serves Llama 3.3 70B Instruct (llama-3.3-70b, 70B parameters, Llama 3.3 Community License); the reference API \(result.referenceAPI) serves the same model (as '\(cheapestSame.price.model)'; the cheapest of the 3 APIs that do)."))
        #expect(result.verdict.contains("for \(result.referenceAPI):"), "the cost comparison is against the same model")

        let mistral = try #require(result.apis.first { $0.price.id == "ovhcloud/mistral-small-3.2" })
        #expect(mistral.group == .differentModel)
        let summary = ROISummary.text(result, width: 200)
        let sameHeading = try #require(summary.range(of: "\nAPIs, same model (3 of 3)\n"))
        let differentHeading = try #require(summary.range(of: "\nAPIs, different model ("))
        let mistralRow = try #require(summary.range(of: "API ovhcloud/mistral-small-3.2"))
        #expect(sameHeading.upperBound < differentHeading.lowerBound && differentHeading.upperBound < mistralRow.lowerBound)
        #expect(summary.contains("API \(result.referenceAPI) (reference"))

        let markdown = ROIFormatKind.markdown.render(result)
        #expect(markdown.contains("## Models compared"))
        #expect(markdown.contains("On-prem (h100): Llama 3.3 70B Instruct (llama-3.3-70b, 70B parameters, Llama 3.3 Community License); requested as 'meta-llama/Llama-3.3-70B-Instruct'."))
        #expect(markdown.contains("| ovhcloud/mistral-small-3.2 | different model | Mistral-Small-3.2-24B-Instruct-2506 | Mistral Small 3.2 24B Instruct (2506) (mistral-small-3.2) | 24B parameters | open, Apache-2.0 |"))
        let csv = ROIFormatKind.csv.render(result)
        #expect(csv.contains("options,API ovhcloud/mistral-small-3.2,group,different model\n"))
        #expect(csv.contains("options,API \(result.referenceAPI),group,same model\n"))
    }

    @Test("the served model the server reported wins over the scenario's name")
    func servedModelWins() throws {
        var measured = target(model: "whatever-the-scenario-said")
        measured.servedModel = "Llama-3.3-70B-Instruct-Q4_K_M.gguf"
        let scenario = try ROIPlanner.scenario(book: try book(), targets: [measured], allowSLOMiss: false)
        #expect(scenario.onPremModel.family?.id == "llama-3.3-70b")
        #expect(try ROIAnalysis.run(scenario).referenceChoice == .sameModel(count: 3))
    }

    @Test("a target whose model is unknown gets no automatic verdict against a different model; buying's figures stay")
    func unknownModel() throws {
        let scenario = try ROIPlanner.scenario(book: try book(), targets: [target(model: "my-finetune-v2")], allowSLOMiss: false)
        let result = try ROIAnalysis.run(scenario)
        #expect(result.referenceChoice == .orientationOnly)
        #expect(result.apis.allSatisfy { $0.group == .differentModel })
        let cheapest = try #require(result.apis.filter { $0.perMillionBlended > 0 }.min { $0.perMillionBlended < $1.perMillionBlended })
        #expect(result.referenceAPI == cheapest.price.id)
        #expect(result.verdict.hasPrefix("No automatic verdict: on-prem serves 'my-finetune-v2' (not in the model catalogue), and no API in the price table serves the same model (\(result.apis.count) APIs serve a different model; quality was not compared)."))
        #expect(result.verdict.contains("buying costs \(ROIFormat.money(result.onPrem.perMillionBlended, result.currency)) per 1M tokens"))
        #expect(result.verdict.contains("For orientation only: the cheapest API, \(cheapest.price.id), serves"))
        #expect(!result.verdict.contains("cheaper"), "no comparison sentence")
        #expect(ROISummary.text(result, width: 200).contains("API \(cheapest.price.id) (for orientation only"))
    }

    @Test("--api names a reference of another model: a verdict, saying the model differs and quality was not compared")
    func namedDifferentModel() throws {
        var book = try book()
        book.deployment.apis = ["openai/gpt-4o"]
        let result = try ROIAnalysis.run(try ROIPlanner.scenario(book: book, targets: [target(model: "llama3.3:70b")], allowSLOMiss: false))
        #expect(result.referenceChoice == .named)
        #expect(result.verdict.contains("the reference API openai/gpt-4o, named with --api, serves GPT-4o (gpt-4o, parameters not published, closed weights), a different model: quality was not compared."))
    }

    @Test("when quality was compared (the quality scoring's hook), the cheapest API of another model is the reference")
    func qualityHook() throws {
        var scenario = try ROIPlanner.scenario(book: try book(), targets: [target(model: "my-finetune-v2")], allowSLOMiss: false)
        scenario.qualityCompared = true
        let result = try ROIAnalysis.run(scenario)
        #expect(result.referenceChoice == .qualityCompared)
        #expect(result.verdict.contains("the quality of both was measured on the same prompts"))
    }

    @Test("a zero price is never a reference, and --api naming one is refused")
    func zeroPrice() throws {
        var book = try book()
        book.apis.append(APIPrice(
            id: "free/llama-3.3-70b", provider: "ovhcloud", model: "Meta-Llama-3_3-70B-Instruct", input: 0, cachedInput: nil, output: 0, currency: .eur,
            source: "test", read: "2026-12-07"))
        let result = try ROIAnalysis.run(try ROIPlanner.scenario(book: book, targets: [target(model: "llama3.3:70b")], allowSLOMiss: false))
        #expect(llama.contains(result.referenceAPI))
        #expect(result.apis.first { $0.price.id == "free/llama-3.3-70b" }?.group == .sameModel)
        book.deployment.apis = ["free/llama-3.3-70b"]
        #expect(throws: ROIError.self) { try ROIAnalysis.run(try ROIPlanner.scenario(book: book, targets: [target(model: "llama3.3:70b")], allowSLOMiss: false)) }
    }
}
