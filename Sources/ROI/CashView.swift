/// Every option's month-by-month cash over the longest horizon, in the order the report lists them.
public struct CashView: Sendable, Equatable {
    /// Months covered (month 0, the day of purchase, through this one).
    public var months: Int
    /// Option names in report order: `buy`, each rent offer, `API <id>` for each API.
    public var options: [String] = []
    /// Each option's flows by month (index 0: month 0).
    public var flows: [String: [Double]] = [:]
    /// Each option's cumulative cash by month (index m: paid from month 0 through month m).
    public var cumulative: [String: [Double]] = [:]

    /// An empty view over `months`.
    public init(months: Int) {
        self.months = months
    }

    /// Adds an option's flows (and their running sum).
    public mutating func add(_ option: String, _ monthly: [Double]) {
        options.append(option)
        flows[option] = monthly
        cumulative[option] = CostProjection.cumulative(monthly)
    }
}
