import Foundation
import Testing
@testable import ROI

@Suite("ROI terminal summary, stand-ins and wording")
struct ROISummaryTests {
    private func target(_ name: String, url: String, standsFor: String? = nil) -> MeasuredTarget {
        let levels = ["c1", "c8"].enumerated().map { index, label in
            LevelMeasurement(
                target: name, level: label, requests: 20, succeeded: 20, inputTokensPerSecond: Double(index + 1) * 2_000,
                outputTokensPerSecond: Double(index + 1) * 400, meetsSLO: true, powerMeanW: nil, idlePowerW: nil,
                powerSource: nil, prefillShare: 0.2, meanInputTokens: 500, meanOutputTokens: 100
            )
        }
        return MeasuredTarget(name: name, model: "m", baseURL: url, standsFor: standsFor, levels: levels, tasks: TaskTokens(input: 500, output: 100, requests: 20))
    }

    private func book(spares: Double = 0) throws -> PriceBook {
        var book = try PriceBook.load(directory: packageRoot + "/pricing")
        book.deployment.hardware = "h100-sxm"
        book.deployment.unitsPerServer = 8
        book.deployment.volume = 1e9
        book.settings.values["spare_servers"]?.value = spares
        return book
    }

    private func result(_ targets: [MeasuredTarget], book: PriceBook? = nil) throws -> ROIResult {
        try ROIAnalysis.run(try ROIPlanner.scenario(book: try book ?? self.book(), targets: targets, allowSLOMiss: false))
    }

    @Test("every line of the summary fits the width, and it lists a few APIs, not all of them", arguments: [40, 60, 80, 100, 160])
    func fitsWidth(width: Int) throws {
        let result = try result([target("vllm", url: "http://gpu/v1")])
        #expect(result.apis.count > 10, "the shipped table has many APIs")
        let summary = ROISummary.text(result, width: width)
        let lines = summary.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for line in lines { #expect(line.count <= width, "\(line.count) > \(width): \(line)") }
        #expect(summary.hasPrefix("== Verdict ==\n"))
        #expect(summary.contains("\nNo automatic verdict:"))
        #expect(summary.contains("\n== Assumptions to check ==\n"))
        let listed = result.apis.filter { summary.contains("API \($0.price.id)") }
        #expect(listed.count <= ROISummary.cheapestAPIs + 1 && listed.count >= ROISummary.cheapestAPIs, "reference and the cheapest few")
        #expect(summary.contains("--format table --all"))
    }

    @Test("the summary groups own hardware and APIs, marks the reference and the cheapest, and --all keeps every API")
    func groupsAndFullTable() throws {
        let result = try result([target("vllm", url: "http://gpu/v1")])
        let summary = ROISummary.text(result, width: 200)
        #expect(summary.contains("\nOwn hardware\n  buy NVIDIA H100 SXM 80GB, 1 server, 8 GPUs each "))
        #expect(summary.contains("\n  rent 8 × Scaleway H100-1-80G (PCIe) "))
        #expect(summary.contains("\nAPIs, different model (3 of \(result.apis.count))\n"))
        let cheapest = try #require(result.apis.min { $0.perMillionBlended < $1.perMillionBlended })
        #expect(
            summary.contains("API \(cheapest.price.id) (for orientation only, cheapest)"),
            "model 'm' is in no catalogue family: the cheapest API is shown for orientation only")
        let full = ROIFormatKind.table.render(result)
        for api in result.apis { #expect(full.contains(api.price.id), "the full table keeps \(api.price.id)") }
        #expect(full.contains("== Against each API =="))
    }

    @Test("a target that stands for an API is priced as that API with its own tokens; --config targets: wins")
    func standsFor() throws {
        let targets = [target("box", url: "http://gpu/v1"), target("rehearsal", url: "sim://rehearsal", standsFor: "openai/gpt-4o-mini")]
        let scenario = try ROIPlanner.scenario(book: try book(), targets: targets, allowSLOMiss: false)
        #expect(scenario.measuredAPIs.map(\.priceID) == ["openai/gpt-4o-mini"])
        #expect(scenario.measuredAPIs.map(\.target) == ["rehearsal"])
        let result = try ROIAnalysis.run(scenario)
        #expect(result.referenceAPI == "openai/gpt-4o-mini")
        #expect(ROISummary.text(result, width: 120).contains("API openai/gpt-4o-mini (reference, measured as rehearsal"))

        var configured = try book()
        configured.targetRoles["rehearsal"] = .api("openai/gpt-4o")
        let overridden = try ROIPlanner.scenario(book: configured, targets: targets, allowSLOMiss: false)
        #expect(overridden.measuredAPIs.map(\.priceID) == ["openai/gpt-4o"], "the explicit roi config wins over the scenario")
        configured.targetRoles["rehearsal"] = .onPrem
        #expect(try ROIPlanner.scenario(book: configured, targets: targets, allowSLOMiss: false).measuredAPIs.isEmpty)
    }

    @Test("a stand-in for an API the price table lacks is an error naming the target")
    func unknownStandIn() throws {
        let targets = [target("box", url: "http://gpu/v1"), target("rehearsal", url: "sim://rehearsal", standsFor: "openai/gpt-9")]
        #expect {
            try ROIPlanner.scenario(book: try book(), targets: targets, allowSLOMiss: false)
        } throws: { error in
            "\(error)".contains("target rehearsal: stands_for 'openai/gpt-9' is not in the price table")
        }
    }

    @Test("buying is named in words with counted nouns", arguments: [
        (1, 1, 2, "h100-sxm", "NVIDIA H100 SXM 80GB, 1 server + 1 spare, 2 GPUs each"),
        (1, 0, 1, "h100-sxm", "NVIDIA H100 SXM 80GB, 1 server, 1 GPU each"),
        (3, 2, 8, "l4", "NVIDIA L4 24GB, 3 servers + 2 spares, 8 GPUs each"),
        (2, 0, 1, "cpu-server", "CPU-only server, 2 servers"),
    ])
    func purchaseWording(servers: Int, spares: Int, units: Int, hardware: String, expected: String) throws {
        let book = try book()
        var inputs = try ROIPlanner.scenario(book: book, targets: [target("box", url: "http://gpu/v1")], allowSLOMiss: false).onPrem
        inputs.servers = servers
        inputs.spareServers = spares
        inputs.unitsPerServer = units
        #expect(PurchasePhrase.text(hardware: try book.hardware(hardware), inputs: inputs) == expected)
    }

    @Test("the buy option and the inputs count servers and years in words")
    func buyOptionName() throws {
        let result = try result([target("box", url: "http://gpu/v1")], book: try book(spares: 1))
        #expect(result.onPrem.name == "buy NVIDIA H100 SXM 80GB, 1 server + 1 spare, 8 GPUs each")
        #expect(result.inputs.first { $0.name == "spare servers (N+1 redundancy)" }?.value == "1 server")
        #expect(result.inputs.first { $0.name == "amortisation" }?.value == "5 years")
    }
}
