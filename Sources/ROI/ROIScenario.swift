/// Mean token counts of one task (one request of the workload) on one target.
public struct TaskTokens: Sendable, Equatable {
    /// Mean input tokens.
    public var input: Double
    /// Mean output tokens.
    public var output: Double
    /// Requests averaged.
    public var requests: Int

    /// Creates counts.
    public init(input: Double, output: Double, requests: Int) {
        self.input = input
        self.output = output
        self.requests = requests
    }
}

/// An API a measured target called, and its own token counts for the workload.
public struct MeasuredAPI: Sendable, Equatable {
    /// Target name.
    public var target: String
    /// The price entry that target is billed at.
    public var priceID: String
    /// Its token counts per task.
    public var tokens: TaskTokens
    /// Its operating point, when it has one.
    public var operatingPoint: OperatingPoint?

    /// Creates an entry.
    public init(target: String, priceID: String, tokens: TaskTokens, operatingPoint: OperatingPoint?) {
        self.target = target
        self.priceID = priceID
        self.tokens = tokens
        self.operatingPoint = operatingPoint
    }
}

/// Every input of one analysis, already converted to the report's currency where it is money
/// (API and rent prices carry their own currency and are converted with `exchange`).
public struct ROIScenario: Sendable {
    /// Report currency.
    public var currency: Currency
    /// EUR/USD rate.
    public var exchange: ExchangeRate
    /// The hardware bought.
    public var hardware: HardwareProfile
    /// Hardware and running inputs.
    public var onPrem: OnPremInputs
    /// The on-prem target's operating point.
    public var operatingPoint: OperatingPoint
    /// Operating points of other measured targets, shown for reference.
    public var otherOperatingPoints: [OperatingPoint]
    /// The on-prem target's token counts per task.
    public var tasks: TaskTokens
    /// Monthly volume, tokens; nil to take it from `utilisation`.
    public var volume: Double?
    /// Share of capacity used; used when `volume` is nil.
    public var utilisation: Double?
    /// APIs to compare with.
    public var apis: [APIPrice]
    /// The API the verdict and tornado compare with, by id; nil picks the measured API target when
    /// there is exactly one, else the cheapest API for the mix.
    public var referenceAPI: String?
    /// Measured API targets.
    public var measuredAPIs: [MeasuredAPI]
    /// Rent offers for the same GPU.
    public var rents: [RentOffer]
    /// Share of API input tokens billed at the cached price.
    public var cacheHitShare: Double
    /// Whether API prices carry their EU uplift.
    public var euProcessing: Bool
    /// Yearly fall of API prices in the decline scenario.
    public var apiPriceDecline: Double
    /// TCO horizons, years.
    public var horizons: [Int]
    /// Sensitivity ranges by input (``ROISettings/sensitivityKeys``).
    public var sensitivity: [String: SensitivityRange]
    /// Inputs to echo, with sources.
    public var inputs: [InputRow]
    /// Remarks gathered while reading (measured power used, and so on).
    public var notes: [String]
    /// The model the on-prem target served.
    public var onPremModel = ModelIdentity()
    /// The catalogue family of each API price, by price id; an API absent here serves a model the
    /// catalogue does not know.
    public var apiFamilies: [String: ModelFamily] = [:]
    /// Whether the quality of the on-prem target and of the APIs was measured on the same prompts:
    /// then an API of another model may be the reference (set by the quality scoring; false leaves
    /// no automatic verdict when no API serves the same model).
    public var qualityCompared = false
    /// How the volume spreads over the day; nil: flat (peak-to-average 1).
    public var traffic: TrafficProfile?
    /// The token mix per request to price instead of the measured one (``PricedMix``).
    public var mix: RequestMix?
    /// Whether the number of servers was given (`--servers`, `deployment.servers`); otherwise
    /// ``ROIAnalysis`` sizes it for the peak.
    public var serversGiven = true
    /// Volume growth, API price decline and electricity price change over the months.
    public var trend = CashTrend()
    /// Typical figures the user should check, with sources.
    public var assumptions: [Assumption] = []
    /// Warnings gathered while planning (stale prices, lower-bound capacity, hardware mismatch).
    public var warnings: [String] = []
    /// Draws of the Monte Carlo over the uncertain inputs.
    public var monteCarloDraws = MonteCarlo.defaultDraws
    /// Seed of the Monte Carlo's generator.
    public var monteCarloSeed = MonteCarlo.defaultSeed

    /// Creates a scenario.
    public init(
        currency: Currency, exchange: ExchangeRate, hardware: HardwareProfile, onPrem: OnPremInputs, operatingPoint: OperatingPoint,
        otherOperatingPoints: [OperatingPoint], tasks: TaskTokens, volume: Double?, utilisation: Double?, apis: [APIPrice],
        referenceAPI: String?, measuredAPIs: [MeasuredAPI], rents: [RentOffer], cacheHitShare: Double, euProcessing: Bool,
        apiPriceDecline: Double, horizons: [Int], sensitivity: [String: SensitivityRange], inputs: [InputRow], notes: [String]
    ) {
        self.currency = currency
        self.exchange = exchange
        self.hardware = hardware
        self.onPrem = onPrem
        self.operatingPoint = operatingPoint
        self.otherOperatingPoints = otherOperatingPoints
        self.tasks = tasks
        self.volume = volume
        self.utilisation = utilisation
        self.apis = apis
        self.referenceAPI = referenceAPI
        self.measuredAPIs = measuredAPIs
        self.rents = rents
        self.cacheHitShare = cacheHitShare
        self.euProcessing = euProcessing
        self.apiPriceDecline = apiPriceDecline
        self.horizons = horizons
        self.sensitivity = sensitivity
        self.inputs = inputs
        self.notes = notes
    }
}
