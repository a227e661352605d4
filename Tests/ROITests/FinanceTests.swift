import Testing
@testable import ROI

@Suite("cost formulas on hand-computed cases")
struct FinanceTests {
    @Test("capital recovery factor: r(1+r)^n/((1+r)^n−1), and 1/n at a zero rate")
    func capitalRecoveryFactor() {
        #expect(abs(Finance.capitalRecoveryFactor(rate: 0.05, years: 3) - 0.367_208_564_6) < 1e-9)
        #expect(Finance.capitalRecoveryFactor(rate: 0, years: 4) == 0.25)
    }

    @Test("annualised capital subtracts the discounted residual value and adds the setup")
    func annualisedCapital() {
        #expect(Finance.annualisedCapital(price: 10_000, residual: 2_000, setup: 0, rate: 0, years: 4) == 2_000)
        // 1210 in two years at 10 % is worth 1000 today; (10000 − 1000) × 0.1·1.21/0.21.
        let value = Finance.annualisedCapital(price: 10_000, residual: 1_210, setup: 0, rate: 0.1, years: 2)
        #expect(abs(value - 5_185.714_285_7) < 1e-6)
        #expect(Finance.annualisedCapital(price: 1_000, residual: 0, setup: 200, rate: 0, years: 2) == 600)
    }

    @Test("energy: busy share at load, the rest idle, spares idle, times PUE and price")
    func energy() {
        let serving = EnergyCost.monthly(hours: 730, loadWatts: 700, idleWatts: 100, utilisation: 0.5, servingUnits: 8, spareUnits: 0, pue: 1.5, pricePerKWh: 0.2)
        #expect(abs(serving - 700.8) < 1e-9)
        let withSpare = EnergyCost.monthly(hours: 730, loadWatts: 700, idleWatts: 100, utilisation: 0.5, servingUnits: 8, spareUnits: 8, pue: 1.5, pricePerKWh: 0.2)
        #expect(abs(withSpare - 876) < 1e-9)
    }

    @Test("break-even volume is fixed cost over the per-token margin, nil without a margin")
    func breakEven() {
        let volume = BreakEven.monthlyVolume(fixedMonthly: 1_000, apiPerToken: 0.000_01, marginalPerToken: 0.000_002)
        #expect(abs((volume ?? 0) - 125_000_000) < 1e-3)
        #expect(BreakEven.monthlyVolume(fixedMonthly: 1_000, apiPerToken: 0.000_001, marginalPerToken: 0.000_002) == nil)
    }

    @Test("break-even over the life follows the API price decline and the electricity price")
    func breakEvenWithTrend() {
        // Fixed 24 × 1000; margin 1e-5 × (12 + 12 × 0.5) − 2e-6 × 24 = 1.32e-4 per token of monthly volume.
        let volume = BreakEven.monthlyVolume(
            fixedMonthly: 1_000, apiPerToken: 0.000_01, marginalPerToken: 0.000_002, trend: CashTrend(apiPriceDecline: 0.5), months: 24
        )
        #expect(abs((volume ?? 0) - 24_000 / 1.32e-4) < 1e-3)
        // Idle energy 100 doubling in year 2: fixed = 24 × 900 + 100 × (12 + 24).
        let withPower = BreakEven.monthlyVolume(
            fixedMonthly: 1_000, apiPerToken: 0.000_01, marginalPerToken: 0, idleEnergyMonthly: 100, trend: CashTrend(electricityChange: 1), months: 24
        )
        #expect(abs((withPower ?? 0) - (21_600 + 3_600) / (0.000_01 * 24)) < 1e-3)
    }

    @Test("USD and EUR convert both ways with the dated rate")
    func currency() {
        let rate = ExchangeRate(usdPerEUR: 1.25, date: "2026-11-20", source: "test")
        #expect(rate.convert(100, from: .usd, to: .eur) == 80)
        #expect(rate.convert(80, from: .eur, to: .usd) == 100)
        #expect(rate.convert(42, from: .eur, to: .eur) == 42)
    }

    @Test("API rates: cache hits billed at the cached price, blended by the input share, EU uplift optional")
    func apiRates() {
        let price = APIPrice(id: "x/y", provider: "x", model: "y", input: 2.5, cachedInput: 1.25, output: 10, currency: .usd, regionUplift: 1.1, source: "s", read: "d")
        let rate = ExchangeRate(usdPerEUR: 1, date: "d", source: "s")
        let rates = price.rates(in: .eur, exchange: rate, euProcessing: false)
        #expect(abs(rates.blended(inputFraction: 0.75, cacheHitShare: 0.4) * 1_000_000 - 4.0) < 1e-9)
        let eu = price.rates(in: .eur, exchange: rate, euProcessing: true)
        #expect(abs(eu.output * 1_000_000 - 11) < 1e-9)
        let uncached = APIPrice(id: "a", provider: "x", model: "a", input: 2, cachedInput: nil, output: 4, currency: .eur, source: "s", read: "d")
        #expect(abs(uncached.rates(in: .eur, exchange: rate, euProcessing: false).effectiveInput(cacheHitShare: 1) * 1_000_000 - 2) < 1e-12)
    }

    @Test("the prefill and decode rates implied by the time split give back the measured throughput")
    func blendedRate() {
        let mix = TokenMix(inputTokens: 300, outputTokens: 100, prefillShare: 0.25)
        let prefill = mix.prefillRate(inputTokensPerSecond: 300) ?? 0
        let decode = mix.decodeRate(outputTokensPerSecond: 100) ?? 0
        #expect(prefill == 1_200)
        #expect(abs(TokenMix.blendedRate(inputTokens: 300, outputTokens: 100, prefillRate: prefill, decodeRate: decode) - 400) < 1e-9)
    }
}
