import Foundation
import Results
import Testing
@testable import ROI

@Suite("ROI analysis from price book to report")
struct ROIAnalysisTests {
    private func target(_ name: String, model: String, url: String, power: Double? = nil, input: Double = 500, output: Double = 100) -> MeasuredTarget {
        let levels = ["c1", "c8"].enumerated().map { index, label in
            LevelMeasurement(
                target: name, level: label, requests: 20, succeeded: 20, inputTokensPerSecond: Double(index + 1) * 2_000,
                outputTokensPerSecond: Double(index + 1) * 400, meetsSLO: true, powerMeanW: power, idlePowerW: power.map { $0 / 5 },
                powerSource: power == nil ? nil : "nvidia-smi", prefillShare: 0.2, meanInputTokens: input, meanOutputTokens: output
            )
        }
        return MeasuredTarget(name: name, model: model, baseURL: url, levels: levels, tasks: TaskTokens(input: input, output: output, requests: 20))
    }

    private func book() throws -> PriceBook {
        var book = try PriceBook.load(directory: packageRoot + "/pricing")
        book.deployment.hardware = "h100-sxm"
        book.deployment.unitsPerServer = 8
        book.deployment.volume = 1e9
        return book
    }

    @Test("an API target is recognised by its host, priced on its own token counts, and becomes the reference")
    func measuredAPI() throws {
        let targets = [
            target("vllm", model: "llama", url: "http://127.0.0.1:8000/v1"),
            target("openai", model: "gpt-4o", url: "https://api.openai.com/v1", input: 450, output: 120),
        ]
        let scenario = try ROIPlanner.scenario(book: try book(), targets: targets, allowSLOMiss: false)
        #expect(scenario.measuredAPIs.map(\.priceID) == ["openai/gpt-4o"])
        #expect(scenario.operatingPoint.measurement.level == "c8")
        let result = try ROIAnalysis.run(scenario)
        #expect(result.referenceAPI == "openai/gpt-4o")
        let task = try #require(result.tasks.first { $0.option == "API openai/gpt-4o" })
        #expect(task.countsFrom == "openai" && task.inputTokens == 450 && task.outputTokens == 120)
        // gpt-4o: 2.50 USD / 1M in, 10.00 out, at the shipped rate.
        let rate = scenario.exchange.usdPerEUR
        #expect(abs(task.perTask - (450 * 2.5 + 120 * 10) / 1_000_000 / rate) < 1e-12)
        #expect(Set(result.tornado.bars.map(\.parameter)) == ["utilisation", "electricity price", "PUE", "amortisation", "API price (openai/gpt-4o)", "cache-hit share", "exchange rate", "staff", "colocation", "GPU price"])
        #expect(result.projections.map(\.option).first == "buy")
        #expect(result.projections.map(\.option) == result.cashFlowOptions)
        #expect(result.verdict.contains("openai/gpt-4o"))
        #expect(!result.verdict.contains("Not included (not set)"), "staff, hosting, support and setup have typical figures")
        #expect(result.rents.map(\.name) == ["rent 8 × Scaleway H100-1-80G (PCIe)", "rent 8 × OVHcloud h100-380"])
    }

    @Test("capacity, utilisation and the buy option follow the formulas of docs/roi.md: a whole server with its typical running costs")
    func numbers() throws {
        let scenario = try ROIPlanner.scenario(book: try book(), targets: [target("vllm", model: "m", url: "http://gpu:8000/v1")], allowSLOMiss: false)
        let result = try ROIAnalysis.run(scenario)
        let capacity = 4_800.0 * 3_600 * 730
        #expect(abs(result.monthlyCapacity - capacity) < 1e-3)
        #expect(abs(result.utilisation - 1e9 / capacity) < 1e-12)
        // 8 GPUs at the 32,500 USD midpoint and the rest of the server at (32,010 + 77,000) / 2.
        let price = (32_500 * 8 + 54_505) / scenario.exchange.usdPerEUR
        let capex = (price + 7_165) / 5 / 12
        // No idle figure for the H100 SXM: idle at load; the rest of the box draws 2,900 W.
        let energy = 730 * (700.0 * 8 + 2_900) / 1000 * 1.58 * 0.134
        let hosting = 315 * 8.5
        let support = 0.2 * price / 12
        #expect(abs(result.onPrem.monthly.capex - capex) < 1e-6)
        #expect(abs(result.onPrem.monthly.energy - energy) < 1e-6)
        #expect(abs(result.onPrem.monthly.hosting - hosting) < 1e-9)
        #expect(result.onPrem.monthly.staff == 1_627)
        #expect(abs(result.onPrem.monthly.licences - support) < 1e-6)
        #expect(abs(result.onPrem.perMillionBlended - (capex + energy + hosting + 1_627 + support) / 1e9 * 1e6) < 1e-9)
        #expect(abs(result.investment - (price + 7_165)) < 1e-6)
        #expect(result.notes.contains { $0.contains("idle hours are charged at load power") })
        #expect(result.notes.contains { $0.contains("priced per task with vllm's token counts") })
    }

    @Test("measured load and idle power replace the nameplate TDP, and the inputs say so")
    func measuredPower() throws {
        let scenario = try ROIPlanner.scenario(book: try book(), targets: [target("vllm", model: "m", url: "http://gpu/v1", power: 2_400)], allowSLOMiss: false)
        #expect(scenario.onPrem.loadWatts == 300)
        #expect(scenario.onPrem.idleWatts == 60)
        #expect(scenario.inputs.contains { $0.source.hasPrefix("measured at vllm c8 (nvidia-smi)") })
        #expect(scenario.notes.contains { $0.contains("not the nameplate TDP") })
    }

    @Test("servers are sized for the volume when not given; too few given servers are refused with the number needed")
    func overCapacity() throws {
        var book = try book()
        book.deployment.volume = 2e10
        let sized = try ROIAnalysis.run(try ROIPlanner.scenario(book: book, targets: [target("vllm", model: "m", url: "http://gpu/v1")], allowSLOMiss: false))
        #expect(sized.servers == 2)
        #expect(sized.onPrem.name.hasPrefix("buy NVIDIA H100 SXM 80GB, 2 servers"))
        book.deployment.servers = 1
        let scenario = try ROIPlanner.scenario(book: book, targets: [target("vllm", model: "m", url: "http://gpu/v1")], allowSLOMiss: false)
        #expect(throws: ROIError.self) { try ROIAnalysis.run(scenario) }
        do {
            _ = try ROIAnalysis.run(scenario)
        } catch {
            #expect(error.description.contains("use --servers 2 or more"))
        }
    }

    @Test("every format renders every section; HTML is self-contained with a tornado chart")
    func formats() throws {
        let scenario = try ROIPlanner.scenario(book: try book(), targets: [target("vllm", model: "m", url: "http://gpu/v1")], allowSLOMiss: false)
        let result = try ROIAnalysis.run(scenario)
        let markdown = ROIFormatKind.markdown.render(result)
        for title in ["## Assumptions to check", "## Warnings", "## Cumulative cash (EUR)", "## Verdict", "## Operating points", "## Cost per 1M tokens (EUR)", "## Against each API", "## Cost per task (EUR)", "## Total cost of ownership and NPV (EUR)", "## Sensitivity", "## Inputs and sources"] {
            #expect(markdown.contains(title), "\(title)")
        }
        let html = ROIFormatKind.html.render(result)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg class=\"chart\""))
        #expect(!html.contains("<script") && !html.contains("http://www.w3.org"))
        let csv = ROIFormatKind.csv.render(result)
        #expect(csv.hasPrefix("table,row,column,value\n"))
        #expect(csv.contains("\ncapacity,vllm,utilisation_share,\(result.utilisation)\n"))
        #expect(ROIFormatKind.table.render(result).hasPrefix("== Headline ==\nCost per 1M tokens: buy "))
        for chart in ["Monthly cost against volume", "Cumulative cash over the hardware&#39;s life", "What moves the saving per 1M tokens", "zero: no saving"] {
            #expect(html.contains(chart), "\(chart)")
        }
        #expect(html.range(of: "class=\"headline\"")!.lowerBound < html.range(of: "<svg")!.lowerBound, "the three numbers come before the charts")
    }

    @Test("the HTML page holds every section of the report, the assumptions before the charts")
    func htmlHoldsEverySection() throws {
        let scenario = try ROIPlanner.scenario(
            book: try book(), targets: [target("vllm", model: "meta-llama/Llama-3.3-70B-Instruct", url: "http://gpu/v1")], allowSLOMiss: false
        )
        let result = try SovereignAnalysis.run(scenario, sovereignty: try book().sovereigntyInputs, requirements: [])
        let html = ROIFormatKind.html.render(result)
        for section in ROIReport.sections(result) where section.id != "headline" {
            #expect(html.contains("<section id=\"\(section.id)\">"), "\(section.id) is on the page")
        }
        #expect(html.contains("<section id=\"sovereignty\">"))
        let assumptions = try #require(html.range(of: "<section id=\"assumptions\">"))
        #expect(assumptions.lowerBound < html.range(of: "<svg")!.lowerBound)
    }

    @Test("the headline: a payback beyond the hardware's life is none, a break-even above 100% is none")
    func headline() {
        let beyond = ROIHeadline(buyPerMillion: 2, apiPerMillion: 1.5, referenceAPI: "x/y", breakEvenUtilisation: 1.4, utilisation: 0.3, paybackMonths: 2_227.7, lifeMonths: 60)
        #expect(beyond.lines(.eur) == [
            "Cost per 1M tokens: buy 2.00 EUR vs 1.50 EUR x/y",
            "Break-even utilisation: none up to 100% (priced at 30.0%)",
            "Payback: none within the 5-year life",
        ])
        let within = ROIHeadline(buyPerMillion: 1, apiPerMillion: 3, referenceAPI: "x/y", breakEvenUtilisation: 0.12, utilisation: 0.3, paybackMonths: 19.8, lifeMonths: 30)
        #expect(within.lines(.eur)[1] == "Break-even utilisation: 12.0% (priced at 30.0%)")
        #expect(within.lines(.eur)[2] == "Payback: 19.8 months within the 2.5-year life")
    }

    @Test("repat report --roi: the decision opens the performance report, in HTML and Markdown")
    func embedded() throws {
        let scenario = try ROIPlanner.scenario(book: try book(), targets: [target("vllm", model: "m", url: "http://gpu/v1")], allowSLOMiss: false)
        let insert = ROIEmbed.insert(try ROIAnalysis.run(scenario))
        let html = ReportHTML.render(ReportData(runs: []), insert: insert)
        #expect(html.contains("<a href=\"#roi\">Decision</a>"))
        let decision = try #require(html.range(of: "Is repatriation worth it?"))
        let performance = try #require(html.range(of: "<section id=\"metadata\">"))
        #expect(decision.lowerBound < performance.lowerBound)
        #expect(html.contains(".roi .headline"))
        let markdown = ReportMarkdown.render(ReportData(runs: []), insert: insert)
        #expect(markdown.contains("## Is repatriation worth it?\n\n### Headline\n\nCost per 1M tokens: buy "))
    }

    /// Column-name endings that promise a number.
    private static let unitSuffixes = ["_eur", "_usd", "_tokens", "_share", "_months", "_per_s", "_years", "_factor", "_requests", "_draws", "_seed", "requests", "month"]

    @Test("csv and json carry plain numbers: every cell of a column named with a unit parses as a number")
    func plainNumbers() throws {
        let scenario = try ROIPlanner.scenario(book: try book(), targets: [target("vllm", model: "m", url: "http://gpu/v1")], allowSLOMiss: false)
        let result = try ROIAnalysis.run(scenario)
        var numeric = 0
        for line in ROIFormatKind.csv.render(result).split(separator: "\n").dropFirst() {
            let cells = String(line).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard !line.contains("\""), cells.count == 4, Self.unitSuffixes.contains(where: { cells[2].hasSuffix($0) }) else { continue }
            #expect(cells[3].isEmpty || Double(cells[3]) != nil, "\(line)")
            #expect(!cells[3].contains(" ") && !cells[3].contains("%"))
            numeric += 1
        }
        #expect(numeric > 100)
        let json = ROIFormatKind.json.render(result)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let headline = try #require((object["headline"] as? [[String: Any]])?.first)
        // Foundation's JSON reader may round the last binary digit.
        #expect(abs(try #require(headline["buy_cost_per_1m_tokens_eur"] as? Double) / result.onPrem.perMillionBlended - 1) < 1e-12)
        #expect(abs(try #require(headline["utilisation_share"] as? Double) / result.utilisation - 1) < 1e-12)
        let options = try #require(object["options"] as? [[String: Any]])
        #expect(options.count == 1 + result.rents.count + result.apis.count)
        for row in options {
            for (column, value) in row where Self.unitSuffixes.contains(where: { column.hasSuffix($0) }) {
                #expect(value is Double || value is NSNull, "\(column): \(value)")
            }
        }
    }
}
