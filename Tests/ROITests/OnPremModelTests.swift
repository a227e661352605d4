import Testing
@testable import ROI

@Suite("on-prem cost model")
struct OnPremModelTests {
    static let inputs = OnPremInputs(
        unitPrice: 25_000, unitsPerServer: 8, servers: 1, spareServers: 0, measuredUnits: 8, setupCost: 0, amortisationYears: 5,
        residualShare: 0, discountRate: 0, loadWatts: 700, idleWatts: 100, pue: 1.5, electricityPerKWh: 0.2,
        hostingPerServerMonth: 500, staffPerMonth: 1_000, licencesPerMonth: 0, hoursPerMonth: 730
    )

    @Test("capacity scales the measured throughput by serving units over measured units")
    func capacity() {
        var inputs = Self.inputs
        let one = OnPremModel(inputs: inputs, measuredTokensPerSecond: 1_000)
        #expect(one.monthlyCapacity == 1_000 * 3_600 * 730)
        inputs.servers = 2
        #expect(OnPremModel(inputs: inputs, measuredTokensPerSecond: 1_000).monthlyCapacity == 2 * 1_000 * 3_600 * 730)
    }

    @Test("a month: straight-line capital, energy at the utilisation, hosting per server, staff")
    func monthly() {
        let model = OnPremModel(inputs: Self.inputs, measuredTokensPerSecond: 1_000)
        let month = model.monthly(utilisation: 0.5)
        #expect(abs(month.capex - 200_000.0 / 5 / 12) < 1e-9)
        #expect(abs(month.energy - 700.8) < 1e-9)
        #expect(month.hosting == 500)
        #expect(month.staff == 1_000)
        #expect(abs(month.total - (3_333.333_333_333 + 700.8 + 1_500)) < 1e-6)
    }

    @Test("the marginal token costs the extra energy of load over idle")
    func marginal() {
        let model = OnPremModel(inputs: Self.inputs, measuredTokensPerSecond: 1_000)
        // 730 h × 600 W × 8 / 1000 × 1.5 × 0.2 = 1051.2 a month at full load, over 2.628e9 tokens.
        #expect(abs(model.marginalPerToken - 1_051.2 / 2.628e9) < 1e-15)
        #expect(abs(model.fixedMonthly - model.monthly(utilisation: 0).total) < 1e-9)
    }

    @Test("an option's input and output costs split the month by the prefill share of time")
    func inputOutputSplit() {
        let mix = TokenMix(inputTokens: 3, outputTokens: 1, prefillShare: 0.25)
        let option = ROIAnalysis.option(name: "o", monthly: MonthlyCost(capex: 1_000, energy: 0, hosting: 0, staff: 0, licences: 0), volume: 1_000_000, mix: mix)
        #expect(abs(option.perMillionInput - 333.333_333) < 1e-5)
        #expect(abs(option.perMillionOutput - 3_000) < 1e-9)
        #expect(abs(option.perMillionBlended - 1_000) < 1e-9)
    }
}
