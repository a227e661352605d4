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
