import Testing
@testable import ROI

@Suite("cash view, payback and peak sizing on hand-computed cases")
struct CashFlowTests {
    @Test("buying pays hardware and setup on day one, again each period, and gets the residual back only when a period ends")
    func purchases() {
        let flows = CostProjection.purchases(hardware: 1_000, setup: 100, residualShare: 0.2, lifeMonths: 24, months: 36)
        #expect(flows.count == 37)
        #expect(flows[0] == 1_100)
        #expect(flows[24] == 800)
        #expect(flows.enumerated().filter { ![0, 24].contains($0.offset) }.allSatisfy { $0.element == 0 })
        // No credit at month 36 for the second purchase still in use: that is book value, 600.
        #expect(CostProjection.cumulative(flows).last == 1_900)
        #expect(CostProjection.bookValue(hardware: 1_000, residualShare: 0.2, lifeMonths: 24, atMonth: 36) == 600)
        #expect(CostProjection.bookValue(hardware: 1_000, residualShare: 0.2, lifeMonths: 24, atMonth: 24) == 0)
    }

    @Test("a fractional amortisation is the same 30 months in the capital charge and in the cash schedule")
    func fractionalAmortisation() {
        #expect(CashModel.lifeMonths(2.5) == 30)
        let flows = CostProjection.purchases(hardware: 1_000, setup: 0, residualShare: 0, lifeMonths: CashModel.lifeMonths(2.5), months: 36)
        #expect(flows[30] == 1_000)
        #expect(flows.enumerated().filter { $0.element != 0 }.map(\.offset) == [0, 30])
        let inputs = OnPremInputs(
            unitPrice: 1_000, unitsPerServer: 1, servers: 1, spareServers: 0, measuredUnits: 1, setupCost: 0, amortisationYears: 2.5,
            residualShare: 0, discountRate: 0, loadWatts: 0, idleWatts: 0, pue: 1, electricityPerKWh: 0, hostingPerServerMonth: 0,
            staffPerMonth: 0, licencesPerMonth: 0, hoursPerMonth: 730
        )
        // 1000 over 30 months.
        #expect(abs(OnPremModel(inputs: inputs, measuredTokensPerSecond: 1).monthlyCapex - 1_000.0 / 30) < 1e-9)
    }

    @Test("payback is where the cumulative cash lines cross, interpolated; nil when they never do")
    func payback() {
        // Gap 1000, 600, 200, −200: crosses half-way through month 3, as 1000 ÷ (500 − 100).
        #expect(CostProjection.payback([1_000, 1_100, 1_200, 1_300], [0, 500, 1_000, 1_500]) == 2.5)
        #expect(CostProjection.payback([1_000, 1_100, 1_200], [0, 50, 100]) == nil)
        #expect(CostProjection.payback([0, 10], [0, 20]) == 0)
    }

    @Test("discounting divides month m by (1+r)^(m/12), which delays the payback")
    func discountedPayback() {
        var other = [Double](repeating: 0, count: 25)
        other[12] = 605
        other[24] = 665.5
        let discounted = CostProjection.discounted(other, rate: 0.1)
        #expect(abs(discounted[12] - 550) < 1e-9 && abs(discounted[24] - 550) < 1e-9)
        var own = [Double](repeating: 0, count: 25)
        own[0] = 1_000
        let plain = CostProjection.payback(CostProjection.cumulative(own), CostProjection.cumulative(other))
        let late = CostProjection.payback(CostProjection.cumulative(CostProjection.discounted(own, rate: 0.1)), CostProjection.cumulative(discounted))
        #expect(abs((plain ?? 0) - (23 + 395 / 665.5)) < 1e-9)
        #expect(abs((late ?? 0) - (23 + 450.0 / 550)) < 1e-9)
        let summary = CostProjection.summary(other, rate: 0.1, throughMonth: 24)
        #expect(abs(summary.tco - 1_270.5) < 1e-9 && abs(summary.npv - 1_100) < 1e-9)
    }

    @Test("the trend steps once a year: months 1–12 at today's figures, 13–24 one year on")
    func trend() {
        let trend = CashTrend(volumeGrowth: 0.5, apiPriceDecline: 0.25, electricityChange: -0.1)
        #expect(trend.volumeFactor(month: 12) == 1 && trend.volumeFactor(month: 13) == 1.5)
        #expect(trend.apiPriceFactor(month: 25) == 0.5625)
        #expect(abs(trend.electricityFactor(month: 13) - 0.9) < 1e-12)
        let bill = CashModel.api(perToken: 0.001, volume: 1_000, trend: trend, months: 13)
        #expect(bill[1] == 1 && abs(bill[13] - 1.5 * 0.75) < 1e-12)
    }

    @Test("servers are sized for the peak: ⌈mean rate × peak-to-average ÷ one server's rate⌉")
    func peakSizing() {
        // 2.628e9 tokens over 730 h is 1000 tok/s on average.
        #expect(PeakSizing.servers(volume: 2.628e9, hoursPerMonth: 730, peakToAverage: 3, tokensPerSecondPerServer: 1_250) == 3)
        #expect(PeakSizing.servers(volume: 2.628e9, hoursPerMonth: 730, peakToAverage: 3, tokensPerSecondPerServer: 1_500) == 2)
        #expect(PeakSizing.servers(volume: 2.628e9, hoursPerMonth: 730, peakToAverage: 1, tokensPerSecondPerServer: 1_250) == 1)
        let profile = TrafficProfile(hourlyWeights: Array(repeating: 1, count: 12) + Array(repeating: 3, count: 12))
        #expect(profile.peakToAverage == 1.5)
        // Shares 0.5 and 1.5: 1 instance for 12 hours, 3 for 12 hours, 48 instance-hours a day.
        let hours = PeakSizing.rentedInstanceHours(volume: 2.628e9, hoursPerMonth: 730, hourlyShares: profile.hourlyShares ?? [], tokensPerSecondPerInstance: 600)
        #expect(abs(hours - 48 * 730 / 24) < 1e-9)
    }

    @Test("a whole server: the rest of the box in price, power, colocation per kW and support")
    func wholeServer() {
        let energy = EnergyCost.monthly(
            hours: 730, loadWatts: 700, idleWatts: 100, utilisation: 0.5, servingUnits: 8, spareUnits: 0, pue: 1.5, pricePerKWh: 0.2,
            serverWatts: 2_900, servers: 1
        )
        // (400 × 8 + 2900) W × 730 h × 1.5 × 0.2 €/kWh.
        #expect(abs(energy - 1_335.9) < 1e-9)
        let inputs = OnPremInputs(
            unitPrice: 25_000, unitsPerServer: 8, servers: 1, spareServers: 1, measuredUnits: 8, setupCost: 0, amortisationYears: 5,
            residualShare: 0, discountRate: 0, loadWatts: 700, idleWatts: 100, pue: 1.5, electricityPerKWh: 0.2, hostingPerServerMonth: 0,
            staffPerMonth: 0, licencesPerMonth: 0, hoursPerMonth: 730, serverPrice: 40_000, serverWatts: 2_900, hostingPerKWMonth: 300,
            supportSharePerYear: 0.2
        )
        #expect(inputs.hardwarePrice == 480_000)
        #expect(inputs.serverLoadWatts == 8_500)
        #expect(abs(inputs.hostingMonthly - 5_100) < 1e-9)
        #expect(abs(inputs.licencesMonthly - 8_000) < 1e-9)
    }

    @Test("dates count in days, and the exchange rate of 2025-02-28 is 647 days old on 2026-12-07")
    func calendar() {
        #expect(CalendarDay.ordinal("1970-01-01") == 0)
        #expect(CalendarDay.ordinal("2000-03-01") == 11_017)
        #expect(CalendarDay.age(of: "2025-02-28", today: "2026-12-07") == 647)
        #expect(CalendarDay.ordinal("not a date") == nil)
    }
}
