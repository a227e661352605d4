import Foundation
import Testing
@testable import ROI

@Suite("complete costs, peak sizing, cash view and warnings of an analysis")
struct ROIDecisionTests {
    /// A 70B-like target on 8 GPUs: 2,500 output and 5,000 input tokens per second at its top level.
    private func target(_ name: String = "vllm", url: String = "http://gpu:8000/v1", requests: Int = 400) -> MeasuredTarget {
        let levels = ["r1", "r4"].enumerated().map { index, label in
            LevelMeasurement(
                target: name, level: label, requests: requests, succeeded: requests, inputTokensPerSecond: Double(index + 1) * 2_500,
                outputTokensPerSecond: Double(index + 1) * 1_250, meetsSLO: true, prefillShare: 0.1, meanInputTokens: 1_000, meanOutputTokens: 500
            )
        }
        return MeasuredTarget(name: name, model: "llama-70b", baseURL: url, levels: levels, tasks: TaskTokens(input: 1_000, output: 500, requests: requests))
    }

    private func book(config: String? = nil) throws -> PriceBook {
        var book = try PriceBook.load(directory: packageRoot + "/pricing")
        book.deployment.hardware = "h100-sxm"
        book.deployment.unitsPerServer = 8
        book.deployment.apis = ["scaleway/llama-3.3-70b-instruct"]
        if let config {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try book.apply(config: try write(config, "roi.yaml", in: folder))
        }
        return book
    }

    private func run(_ book: PriceBook, _ targets: [MeasuredTarget]? = nil, today: String = "2026-12-07") throws -> ROIResult {
        try ROIAnalysis.run(try ROIPlanner.scenario(book: book, targets: targets ?? [target()], allowSLOMiss: false, today: today))
    }

    @Test("a peak-to-average of 3 sizes servers for the peak hour; utilisation is the average over what is installed")
    func peakSizing() throws {
        // 7,500 tok/s per 8-GPU server; 3.942e10 tokens a month is 15,000 tok/s on average, 45,000 at the peak: 6 servers.
        var flat = try book()
        flat.deployment.volume = 3.942e10
        #expect(try run(flat).servers == 2)
        var peaky = try book(config: "traffic: {peak_to_average: 3}\n")
        peaky.deployment.volume = 3.942e10
        let result = try run(peaky)
        #expect(result.servers == 6)
        #expect(result.peakToAverage == 3)
        #expect(abs(result.utilisation - 1.0 / 3) < 1e-9)
        #expect(result.assumptions.contains { $0.name == "traffic peak-to-average" && $0.value == "3.00" && $0.overridden })
        peaky.deployment.servers = 4
        #expect(throws: ROIError.self) { try run(peaky) }
    }

    @Test("rent following 24 hourly weights pays only the instance-hours each hour needs")
    func rentFollowsTraffic() throws {
        let weights = (Array(repeating: "1", count: 12) + Array(repeating: "3", count: 12)).joined(separator: ", ")
        var book = try book(config: "traffic: {hourly_weights: [\(weights)], rent_follows_traffic: true}\n")
        book.deployment.volume = 3.942e10
        let result = try run(book)
        // Mean 15,000 tok/s; shares 0.5 and 1.5; an 8-GPU instance of the rent table carries 7,500 tok/s ÷ 8 per GPU.
        let offer = try #require(book.rents.first { $0.gpu == "H100" })
        let perInstance = 7_500.0 / 8 * Double(offer.gpus)
        let hoursPerDay = 12 * (7_500 / perInstance).rounded(.up) + 12 * (22_500 / perInstance).rounded(.up)
        let expected = hoursPerDay * 730 / 24 * offer.hourly.midpoint
        let rent = try #require(result.rents.first)
        #expect(abs(rent.monthly.hosting - expected) < 1e-6)
        #expect(result.servers == 3)
    }

    @Test("the cash view: buying starts at the investment; TCO is its cumulative cash; payback is where it meets the API's")
    func cashView() throws {
        var book = try book()
        book.deployment.utilisation = 0.3
        let result = try run(book)
        let buy = try #require(result.cashFlows["buy"])
        let api = try #require(result.cashFlows["API scaleway/llama-3.3-70b-instruct"])
        #expect(buy.count == 61 && api.count == 61)
        #expect(abs(buy[0] - result.investment) < 1e-6)
        let tco = try #require(result.projections.first { $0.option == "buy" }?.horizons.last)
        #expect(tco.years == 5 && abs(tco.tco - buy[60]) < 1e-6)
        // Five years on a five-year life: nothing left in service, book cost equals cash.
        #expect(tco.bookCost == tco.tco)
        let threeYears = try #require(result.projections.first { $0.option == "buy" }?.horizons.first { $0.years == 3 })
        // At 36 of 60 months the hardware (investment less the 7,165 setup) keeps 2/5 of its value on the books.
        #expect(abs((threeYears.bookCost ?? 0) - (threeYears.tco - (result.investment - 7_165) * 2 / 5)) < 1e-3)
        // API prices fall 25 % a year: month 13 costs 0.75 of month 1.
        #expect(abs((api[13] - api[12]) - 0.75 * api[1]) < 1e-6)
        let reference = try #require(result.apis.first { $0.price.id == result.referenceAPI })
        if let payback = reference.paybackMonths {
            #expect(payback <= Double(result.lifeMonths))
            let month = Int(payback.rounded(.up))
            #expect(buy[month] <= api[month] + 1e-6 && buy[month - 1] > api[month - 1])
        } else {
            #expect(buy[result.lifeMonths] > api[result.lifeMonths])
            #expect(result.verdict.contains("no payback within the hardware's life (60 months)"))
        }
    }

    @Test("a payback beyond the hardware's life is reported as none, not as a number of months")
    func noPaybackBeyondLife() throws {
        var book = try book(config: "amortisation_years: 2.5\n")
        book.deployment.utilisation = 0.05
        let result = try run(book)
        let reference = try #require(result.apis.first)
        #expect(result.lifeMonths == 30)
        #expect(reference.paybackMonths == nil && reference.discountedPaybackMonths == nil)
        #expect(result.verdict.contains("no payback within the hardware's life (30 months)"))
        let markdown = ROIFormatKind.markdown.render(result)
        #expect(markdown.contains("| none | none |"))
    }

    @Test("warnings: lower-bound capacity, a level too short, a simulated target, and a stale exchange rate")
    func warnings() throws {
        var book = try book()
        book.deployment.utilisation = 0.3
        let result = try run(book, [target(url: "sim://llama", requests: 40)])
        #expect(result.warnings.contains { $0.hasPrefix("capacity is only a lower bound: vllm's highest level run (r4) met the SLOs") && $0.contains("saturation:") })
        #expect(result.warnings.contains { $0.contains("vllm r4 measured only 40 successful requests (fewer than 100)") })
        #expect(result.warnings.contains { $0.contains("simulated target (sim://llama)") })
        #expect(result.warnings.contains { $0.hasPrefix("the exchange rate (1 EUR = 1.0411 USD) is of 2025-02-28, 647 days before 2026-12-07") })
        let fresh = try run(book, [target(requests: 400)], today: "2025-03-01")
        #expect(!fresh.warnings.contains { $0.contains("exchange rate") || $0.contains("successful requests") || $0.contains("simulated") })
    }

    @Test("a local run on a host without GPU priced as GPUs is flagged")
    func hostWithoutGPU() throws {
        var book = try book()
        book.deployment.utilisation = 0.3
        var local = target(url: "http://127.0.0.1:8000/v1")
        local.hostGPUs = []
        let result = try run(book, [local])
        #expect(result.warnings.contains { $0.contains("lists no GPU (host.gpus is empty), yet it is priced as NVIDIA H100 SXM 80GB") })
    }

    @Test("every typical cost is an assumption to check with its source; a config value is marked as the user's")
    func assumptions() throws {
        var book = try book(config: "staff_per_month: 3000\nhosting_per_kw_month: {value: 200, source: our colo contract, read: 2026-12-01}\n")
        book.deployment.utilisation = 0.3
        let result = try run(book)
        let staff = try #require(result.assumptions.first { $0.name == "staff" })
        #expect(staff.overridden && staff.value == "3,000.00 EUR per month")
        let colocation = try #require(result.assumptions.first { $0.name == "colocation" })
        #expect(colocation.overridden && colocation.source == "our colo contract" && colocation.date == "2026-12-01")
        let support = try #require(result.assumptions.first { $0.name == "hardware support" })
        #expect(!support.overridden && support.source.hasPrefix("https://"))
        #expect(result.assumptions.contains { $0.name.hasPrefix("rest of one server") && $0.value.hasPrefix("32010–77000 USD") })
        #expect(result.onPrem.monthly.staff == 3_000)
        #expect(abs(result.onPrem.monthly.hosting - 200 * 8.5) < 1e-9)
    }

    @Test("a volume below one request a month is refused; a bad traffic profile names its field")
    func badVolumeAndTraffic() throws {
        var book = try book()
        book.deployment.volume = 1e-3
        #expect(throws: ROIError.self) { try run(book) }
        do {
            _ = try run(book)
        } catch {
            #expect((error as? ROIError)?.description.contains("less than one request of vllm (1,500.0 tokens)") == true)
        }
        #expect(throws: ROIError.self) { try self.book(config: "traffic: {hourly_weights: [1, 2]}\n") }
        #expect(throws: ROIError.self) { try self.book(config: "traffic: {peak_to_average: 0.5}\n") }
    }
}
