/// What to price: the hardware, how much of it, which target and volume. Set by `--config`
/// (`deployment:`) and overridden by command-line options.
public struct Deployment: Sendable, Equatable {
    /// Hardware profile id (`h100-sxm`).
    public var hardware: String?
    /// Servers carrying load.
    public var servers: Int?
    /// Units (GPUs) per server.
    public var unitsPerServer: Int?
    /// Units behind the measured target (default: units per server).
    public var measuredUnits: Int?
    /// Monthly volume, tokens (input + output).
    public var volume: Double?
    /// Expected share of capacity used, when no volume is given.
    public var utilisation: Double?
    /// The on-prem target to price (default: the first on-prem target of the runs).
    public var target: String?
    /// Price ids of the APIs to compare with (default: all).
    public var apis: [String] = []
    /// TCO horizons, years.
    public var horizons: [Int] = [1, 3, 5]
    /// How the volume spreads over the day (`traffic:` in `--config`); nil: flat, an assumption the
    /// report lists.
    public var traffic: TrafficProfile?

    /// An empty deployment.
    public init() {}
}

/// What a measured target is, for pricing.
public enum TargetRole: Sendable, Equatable {
    /// Runs on hardware of one's own: priced with the hardware profile.
    case onPrem
    /// A cloud API billed at this price entry.
    case api(String)
}
