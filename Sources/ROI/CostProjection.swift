import Foundation

/// Month-by-month cash of each option, the base of TCO, NPV, payback and the cumulative cash view.
/// A flows array holds index 0 for the day the option starts (a purchase) and index m for what
/// month m (1-based) costs; costs are positive, money received (resale) negative.
public enum CostProjection {
    /// Capital cash of buying: the hardware and the setup at month 0; the hardware again at the
    /// start of every amortisation period that begins before `months`; its residual value back at
    /// the end of every period that ends by `months`. Nothing is credited for hardware still in use
    /// at the end: that is book value (see ``bookValue(hardware:residualShare:lifeMonths:atMonth:)``),
    /// not cash.
    /// - Parameter lifeMonths: the amortisation period in months (2.5 years is 30).
    public static func purchases(hardware: Double, setup: Double, residualShare: Double, lifeMonths: Int, months: Int) -> [Double] {
        var flows = [Double](repeating: 0, count: months + 1)
        let life = max(1, lifeMonths)
        var start = 0
        repeat {
            flows[start] += hardware + (start == 0 ? setup : 0)
            let end = start + life
            if end <= months { flows[end] -= hardware * residualShare }
            start = end
        } while start < months
        return flows
    }

    /// Flows of a monthly bill: nothing at month 0, `cost(m)` for months 1…`months`.
    public static func monthly(months: Int, _ cost: (Int) -> Double) -> [Double] {
        [0] + (0..<months).map { cost($0 + 1) }
    }

    /// Running sums: element m is the cash paid from month 0 through month m.
    public static func cumulative(_ flows: [Double]) -> [Double] {
        var total = 0.0
        return flows.map { flow in
            total += flow
            return total
        }
    }

    /// Each month's flow discounted to month 0 at the yearly `rate`: flow_m ÷ (1 + rate)^(m/12).
    public static func discounted(_ flows: [Double], rate: Double) -> [Double] {
        flows.enumerated().map { $0.element / pow(1 + rate, Double($0.offset) / 12) }
    }

    /// The first time the cumulative cash `own` is no more than `other`, in months, interpolated
    /// linearly inside the month where it crosses; 0 when it never was more; nil when it is still
    /// more at the last month.
    public static func payback(_ own: [Double], _ other: [Double]) -> Double? {
        let gap = zip(own, other).map { $0 - $1 }
        guard let first = gap.first else { return nil }
        if first <= 0 { return 0 }
        for month in 1..<gap.count where gap[month] <= 0 {
            let before = gap[month - 1]
            return Double(month - 1) + before / (before - gap[month])
        }
        return nil
    }

    /// Straight-line book value at `atMonth` of the hardware then in service: price − (price −
    /// residual) × months used ÷ life months; 0 at the end of a period (the hardware was sold for
    /// its residual value and no replacement is bought at the horizon).
    public static func bookValue(hardware: Double, residualShare: Double, lifeMonths: Int, atMonth month: Int) -> Double {
        let life = max(1, lifeMonths)
        let used = month % life
        guard used > 0 else { return 0 }
        let residual = hardware * residualShare
        return hardware - (hardware - residual) * Double(used) / Double(life)
    }

    /// TCO (undiscounted cumulative cash) and NPV (discounted) of `flows` through month `month`.
    public static func summary(_ flows: [Double], rate: Double, throughMonth month: Int) -> (tco: Double, npv: Double) {
        let upTo = Array(flows.prefix(month + 1))
        return (upTo.reduce(0, +), discounted(upTo, rate: rate).reduce(0, +))
    }
}
