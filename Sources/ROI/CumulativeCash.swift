/// Cash paid so far by one option, month by month.
public struct CashCurve: Sendable, Equatable {
    /// Option name.
    public var option: String
    /// Cumulative cash at the end of month 0 (the purchase), 1, 2, … (report currency).
    public var cumulative: [Double]

    /// Creates a curve.
    public init(option: String, cumulative: [Double]) {
        self.option = option
        self.cumulative = cumulative
    }
}

/// Cumulative cash by month over the hardware's life, undiscounted: buying pays the hardware and
/// setup at month 0 and its running cost (energy, hosting, staff, licences) every month; renting
/// and the API pay their monthly bill. Where the buy curve crosses the API's is the payback.
public enum CumulativeCash {
    /// The curves of buying, each rent and the reference API for `months` months.
    public static func curves(investment: Double, buyOperating: Double, rents: [OptionCost], apiName: String, apiMonthly: Double, months: Int) -> [CashCurve] {
        func curve(_ name: String, start: Double, monthly: Double) -> CashCurve {
            CashCurve(option: name, cumulative: (0...max(1, months)).map { start + monthly * Double($0) })
        }
        return [curve("buy", start: investment, monthly: buyOperating)]
            + rents.map { curve($0.name, start: 0, monthly: $0.monthly.total) }
            + [curve(apiName, start: 0, monthly: apiMonthly)]
    }
}
