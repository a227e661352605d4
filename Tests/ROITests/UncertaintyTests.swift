import Foundation
import Testing
@testable import ROI

@Suite("uncertainty: tornado bars and the Monte Carlo")
struct UncertaintyTests {
    /// One on-prem target at c8: 4,800 tok/s, 8 GPUs, with the given throughput interval.
    private func scenario(interval: ThroughputInterval? = nil, edit: (inout PriceBook) -> Void = { _ in }) throws -> ROIScenario {
        var book = try PriceBook.load(directory: packageRoot + "/pricing")
        book.deployment.hardware = "h100-sxm"
        book.deployment.unitsPerServer = 8
        book.deployment.utilisation = 0.3
        book.deployment.apis = ["openai/gpt-4o"]
        edit(&book)
        let level = LevelMeasurement(
            target: "vllm", level: "c8", requests: 40, succeeded: 40, inputTokensPerSecond: 4_000, outputTokensPerSecond: 800, meetsSLO: true,
            prefillShare: 0.2, meanInputTokens: 500, meanOutputTokens: 100, throughputInterval: interval
        )
        let target = MeasuredTarget(name: "vllm", model: "m", baseURL: "http://gpu:8000/v1", levels: [level], tasks: TaskTokens(input: 500, output: 100, requests: 40))
        return try ROIPlanner.scenario(book: book, targets: [target], allowSLOMiss: false)
    }

    @Test("the GPU price bar spans the profile's 25,000–40,000 USD and swings by the capital cost per token it changes")
    func hardwarePriceSwing() throws {
        let scenario = try scenario()
        let result = try ROIAnalysis.run(scenario)
        let bar = try #require(result.tornado.bars.first { $0.parameter == "GPU price" })
        #expect(bar.lowInput == "25,000 USD" && bar.highInput == "40,000 USD")
        // 15,000 USD more for each of 8 GPUs, straight line over the amortisation (no discount, no
        // resale), plus the yearly support share of the price, over the tokens of a month at 30 %
        // of 4,800 tok/s.
        let rate = scenario.exchange.usdPerEUR
        let tokens = 0.3 * 4_800 * 3_600 * 730
        let years = scenario.onPrem.amortisationYears
        let support = scenario.onPrem.supportSharePerYear
        #expect(support > 0, "the shipped defaults charge support as a share of the price")
        let expected = 15_000 * 8 / rate * (1 / (years * 12) + support / 12) / tokens * 1_000_000
        #expect(abs(bar.swing - expected) < 1e-9)
        #expect(bar.lowOutput > bar.highOutput)
        #expect(abs((bar.lowOutput + bar.highOutput) / 2 - result.tornado.base) < 1e-9)
    }

    @Test("exchange rate, staff and hosting become bars; a cost left at 0 has no range and no bar")
    func newBars() throws {
        let unset = try ROIAnalysis.run(try scenario { book in
            book.settings.values["staff_per_month"] = SourcedValue(0, source: "test")
            book.settings.values["hosting_per_kw_month"] = SourcedValue(0, source: "test")
        })
        #expect(unset.tornado.bars.contains { $0.parameter == "exchange rate" })
        #expect(!unset.tornado.bars.contains { ["staff", "hosting", "colocation"].contains($0.parameter) })
        let set = try ROIAnalysis.run(try scenario { book in
            book.settings.values["staff_per_month"] = SourcedValue(3_000, source: "test")
            book.settings.values["hosting_per_server_month"] = SourcedValue(1_000, source: "test")
        })
        let staff = try #require(set.tornado.bars.first { $0.parameter == "staff" })
        // 1,500 vs 4,500 EUR a month over the same tokens.
        let tokens = 0.3 * 4_800 * 3_600 * 730
        #expect(abs(staff.swing - 3_000 / tokens * 1_000_000) < 1e-9)
        #expect(staff.lowInput == "1,500.00 EUR/month")
        #expect(set.tornado.bars.contains { $0.parameter == "hosting" })
    }

    @Test("the measured throughput's interval is a bar: +10 % throughput cuts the cost per token by 1/1.1")
    func throughputBar() throws {
        let scenario = try scenario(interval: ThroughputInterval(lowFactor: 0.9, highFactor: 1.1, requests: 40))
        let result = try ROIAnalysis.run(scenario)
        let bar = try #require(result.tornado.bars.first { $0.parameter == "measured throughput" })
        #expect(bar.lowInput == "4,320.0 tok/s" && bar.highInput == "5,280.0 tok/s")
        let api = result.apis[0].perMillionBlended
        let own = result.onPrem.perMillionBlended
        #expect(abs(bar.highOutput - (api - own / 1.1)) < 1e-9)
        #expect(abs(bar.lowOutput - (api - own / 0.9)) < 1e-9)
    }

    @Test("the 95% throughput interval is mean ± 1.96 s/√n as factors of the mean")
    func throughputInterval() throws {
        let interval = try #require(ThroughputInterval.of(rates: [90, 100, 110, 100]))
        // mean 100, s = √(200/3), n = 4
        let half = 1.959964 * (200.0 / 3).squareRoot() / 2 / 100
        #expect(abs(interval.lowFactor - (1 - half)) < 1e-12 && abs(interval.highFactor - (1 + half)) < 1e-12)
        #expect(interval.requests == 4)
        #expect(ThroughputInterval.of(rates: [100]) == nil)
    }

    @Test("the Monte Carlo gives the same figures for a seed and others for another seed")
    func reproducible() throws {
        var scenario = try scenario(interval: ThroughputInterval(lowFactor: 0.9, highFactor: 1.1, requests: 40))
        let first = try ROIAnalysis.run(scenario).uncertainty
        let again = try ROIAnalysis.run(scenario).uncertainty
        #expect(first == again)
        #expect(first.draws == 10_000)
        #expect(first.p10 < first.p50 && first.p50 < first.p90)
        #expect(first.probabilityBuyingCheaper > 0 && first.probabilityBuyingCheaper < 1)
        scenario.monteCarloSeed = 18
        let other = try ROIAnalysis.run(scenario).uncertainty
        #expect(other.p50 != first.p50)
        #expect(first.inputs.first { $0.name == "GPU price" }?.distribution == "uniform")
        #expect(first.inputs.first { $0.name == "electricity price" }?.distribution == "triangular")
    }

    @Test("with every range collapsed to its base, or narrowed to ±0.1 %, the median is the deterministic saving within 1 %")
    func collapse() throws {
        for spread in [0.0, 0.001] {
            let scenario = try scenario(interval: ThroughputInterval(lowFactor: 1 - spread, highFactor: 1 + spread, requests: 40)) { book in
                for key in ROISettings.sensitivityKeys {
                    book.settings.sensitivity[key] = SensitivityRange(low: .factor(1 - spread), high: .factor(1 + spread))
                }
                book.hardware = book.hardware.map { profile in
                    var profile = profile
                    if let price = profile.price {
                        let middle = price.midpoint
                        profile.price = PriceRange(low: middle * (1 - spread), high: middle * (1 + spread), currency: price.currency)
                    }
                    return profile
                }
            }
            let result = try ROIAnalysis.run(scenario)
            let summary = result.uncertainty
            let deterministic = result.apis[0].perMillionBlended - result.onPrem.perMillionBlended
            #expect(abs(summary.p50 - deterministic) <= 0.01 * abs(deterministic), "spread \(spread)")
            #expect(abs(result.tornado.base - deterministic) < 1e-9)
        }
    }

    @Test("a triangular draw has its mode at the base and stays inside the range; a uniform draw is linear")
    func distributions() {
        let triangular = UncertainInput(key: "k", name: "k", low: 0, base: 1, high: 4, distribution: .triangular, text: { "\($0)" }, path: \.pue)
        #expect(triangular.value(at: 0) == 0 && triangular.value(at: 1) == 4)
        #expect(abs(triangular.value(at: 0.25) - 1) < 1e-12)  // F(mode) = (mode − low) / (high − low)
        let uniform = UncertainInput(key: "k", name: "k", low: 10, base: 15, high: 30, distribution: .uniform, text: { "\($0)" }, path: \.pue)
        #expect(uniform.value(at: 0.5) == 20)
    }
}
