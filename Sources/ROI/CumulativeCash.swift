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

/// The cumulative-cash curves the report draws, read from the month-by-month cash view
/// (``ROIResult/cashFlows``, `docs/roi.md` §7): where the buy curve crosses the API's is the payback.
enum CumulativeCash {
    /// The curves of `options` (buying, each rent, the reference API) from month 0 through `months`.
    static func curves(_ cumulative: [String: [Double]], options: [String], months: Int) -> [CashCurve] {
        options.compactMap { name in
            cumulative[name].map { CashCurve(option: name, cumulative: Array($0.prefix(max(1, months) + 1))) }
        }
    }
}
