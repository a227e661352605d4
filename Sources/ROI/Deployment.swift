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
    /// Where `traffic` came from (the file and key); nil when it was not given.
    public var trafficSource: String?
    /// The token mix per request to price (`deployment.mix`, or a usage profile's); nil: the
    /// measured workload's mix.
    public var mix: RequestMix?

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

/// Mean tokens per request of the traffic to price, when it is not the measured workload's.
public struct RequestMix: Sendable, Equatable {
    /// Mean input tokens per request.
    public var inputTokens: Double
    /// Mean output tokens per request.
    public var outputTokens: Double
    /// Where the figures come from.
    public var source: String

    /// Creates a mix.
    public init(inputTokens: Double, outputTokens: Double, source: String) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.source = source
    }

    /// Input plus output tokens per request.
    public var tokens: Double { inputTokens + outputTokens }
}
