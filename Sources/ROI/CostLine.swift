/// One option's monthly cost as a straight line of the monthly volume: fixed + per token × volume,
/// up to the volume the option can serve. Drawn as "monthly cost against volume".
public struct CostLine: Sendable, Equatable {
    /// Option name.
    public var option: String
    /// What a month costs with no token served (report currency).
    public var fixedMonthly: Double
    /// What one more token costs (report currency).
    public var perToken: Double
    /// The most tokens a month the option serves; nil for an API (no limit priced).
    public var maxVolume: Double?

    /// Creates a line.
    public init(option: String, fixedMonthly: Double, perToken: Double, maxVolume: Double?) {
        self.option = option
        self.fixedMonthly = fixedMonthly
        self.perToken = perToken
        self.maxVolume = maxVolume
    }

    /// The month's cost at `volume` tokens.
    public func monthly(volume: Double) -> Double { fixedMonthly + perToken * volume }
}
