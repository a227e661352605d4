/// Yearly cash flows of each option over a horizon, for total cost of ownership (TCO, the plain
/// sum) and net present value (NPV, each year discounted). Costs are positive.
public enum CostProjection {
    /// Buying: the hardware (and setup) at year 0 and again at the start of every amortisation
    /// period that begins inside the horizon; the residual value back at the end of each period;
    /// running costs each year; at the horizon, the straight-line remaining value of the last
    /// purchase back (price − (price − residual) × years used ÷ amortisation years).
    /// - Returns: flows for years 0…`years`.
    public static func buy(
        hardware: Double, setup: Double, residualShare: Double, amortisationYears: Int, yearlyOperating: Double, years: Int
    ) -> [Double] {
        var flows = [Double](repeating: 0, count: years + 1)
        let life = max(1, amortisationYears)
        let residual = hardware * residualShare
        var start = 0
        while start < years {
            flows[start] += hardware + (start == 0 ? setup : 0)
            let end = start + life
            if end <= years {
                flows[end] -= residual
            } else {
                let used = Double(years - start)
                flows[years] -= hardware - (hardware - residual) * used / Double(life)
            }
            start = end
        }
        for year in stride(from: 1, through: years, by: 1) { flows[year] += yearlyOperating }
        return flows
    }

    /// A yearly bill paid at the end of each year, falling by `decline` (0…1) each year after the
    /// first: flows[t] = yearly × (1 − decline)^(t−1) for t = 1…`years`, nothing at year 0.
    public static func recurring(yearly: Double, decline: Double = 0, years: Int) -> [Double] {
        var flows = [Double](repeating: 0, count: years + 1)
        var factor = 1.0
        for year in stride(from: 1, through: years, by: 1) {
            flows[year] = yearly * factor
            factor *= 1 - decline
        }
        return flows
    }

    /// TCO and NPV of `flows` at `rate`.
    public static func summary(_ flows: [Double], rate: Double) -> (tco: Double, npv: Double) {
        (flows.reduce(0, +), Finance.netPresentValue(flows, rate: rate))
    }
}
