/// What one option (buying, renting) costs at the monthly volume.
public struct OptionCost: Sendable, Equatable {
    /// Option name (`buy NVIDIA H100 SXM 80GB, 1 server + 1 spare, 8 GPUs each`, `rent 1 × Scaleway H100-1-80G`).
    public var name: String
    /// The month's cost by part.
    public var monthly: MonthlyCost
    /// Per 1M input tokens of the measured mix.
    public var perMillionInput: Double
    /// Per 1M output tokens of the measured mix.
    public var perMillionOutput: Double
    /// Per 1M tokens of the measured mix, input and output together.
    public var perMillionBlended: Double

    /// Creates an option.
    public init(name: String, monthly: MonthlyCost, perMillionInput: Double, perMillionOutput: Double, perMillionBlended: Double) {
        self.name = name
        self.monthly = monthly
        self.perMillionInput = perMillionInput
        self.perMillionOutput = perMillionOutput
        self.perMillionBlended = perMillionBlended
    }
}

/// What one API costs for the same mix, and how buying compares with it.
public struct APICost: Sendable, Equatable {
    /// The list price used.
    public var price: APIPrice
    /// Per 1M input tokens with the cache-hit share applied.
    public var perMillionInput: Double
    /// Per 1M output tokens.
    public var perMillionOutput: Double
    /// Per 1M tokens of the measured mix.
    public var perMillionBlended: Double
    /// The API's bill for the monthly volume.
    public var monthly: Double
    /// Monthly tokens at which buying costs the same; nil when buying never catches up.
    public var breakEvenVolume: Double?
    /// Break-even volume ÷ capacity: the utilisation buying needs to match the API.
    public var breakEvenUtilisation: Double?
    /// Months until the purchase is repaid by the API bill avoided; nil when never.
    public var paybackMonths: Double?
    /// The measured target this API served in the run, if any.
    public var measuredTarget: String?

    /// Creates an API cost.
    public init(
        price: APIPrice, perMillionInput: Double, perMillionOutput: Double, perMillionBlended: Double, monthly: Double,
        breakEvenVolume: Double?, breakEvenUtilisation: Double?, paybackMonths: Double?, measuredTarget: String?
    ) {
        self.price = price
        self.perMillionInput = perMillionInput
        self.perMillionOutput = perMillionOutput
        self.perMillionBlended = perMillionBlended
        self.monthly = monthly
        self.breakEvenVolume = breakEvenVolume
        self.breakEvenUtilisation = breakEvenUtilisation
        self.paybackMonths = paybackMonths
        self.measuredTarget = measuredTarget
    }
}

/// One task (one request of the workload) priced on one option.
public struct TaskCost: Sendable, Equatable {
    /// Option name.
    public var option: String
    /// Whose token counts price it: the target that ran it, or the on-prem target's for an API
    /// that was not measured.
    public var countsFrom: String
    /// Mean input tokens of a task on that target.
    public var inputTokens: Double
    /// Mean output tokens of a task on that target.
    public var outputTokens: Double
    /// Cost of one task.
    public var perTask: Double

    /// Creates a task cost.
    public init(option: String, countsFrom: String, inputTokens: Double, outputTokens: Double, perTask: Double) {
        self.option = option
        self.countsFrom = countsFrom
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.perTask = perTask
    }
}

/// Cost of one option over one horizon.
public struct HorizonCost: Sendable, Equatable {
    /// Years.
    public var years: Int
    /// Total cost of ownership: undiscounted sum of the cash flows.
    public var tco: Double
    /// Net present value of the cash flows (costs positive).
    public var npv: Double

    /// Creates a horizon cost.
    public init(years: Int, tco: Double, npv: Double) {
        self.years = years
        self.tco = tco
        self.npv = npv
    }
}

/// One option's costs over every horizon.
public struct Projection: Sendable, Equatable {
    /// Option name.
    public var option: String
    /// One entry per horizon, shortest first.
    public var horizons: [HorizonCost]

    /// Creates a projection.
    public init(option: String, horizons: [HorizonCost]) {
        self.option = option
        self.horizons = horizons
    }
}

/// One input of the model as the report echoes it.
public struct InputRow: Sendable, Equatable {
    /// Input name.
    public var name: String
    /// Value with units.
    public var value: String
    /// Where it came from.
    public var source: String
    /// When it was read.
    public var read: String

    /// Creates a row.
    public init(name: String, value: String, source: String, read: String = "") {
        self.name = name
        self.value = value
        self.source = source
        self.read = read
    }
}

/// Everything `repat roi` computed, ready to render.
public struct ROIResult: Sendable, Equatable {
    /// Currency of every amount.
    public var currency: Currency
    /// Each priced target's operating point (the on-prem target first).
    public var operatingPoints: [OperatingPoint]
    /// The on-prem target the hardware is priced for.
    public var primaryTarget: String
    /// Its operating point.
    public var operatingPoint: OperatingPoint
    /// Its measured token mix.
    public var mix: TokenMix
    /// Prefill rate at the operating point, input tokens per second of prefill time.
    public var prefillRate: Double?
    /// Decode rate at the operating point, output tokens per second of decode time.
    public var decodeRate: Double?
    /// Tokens per second of all serving hardware.
    public var tokensPerSecond: Double
    /// Tokens a month at the operating point, every hour busy.
    public var monthlyCapacity: Double
    /// The monthly volume priced, tokens (input + output).
    public var volume: Double
    /// volume ÷ capacity.
    public var utilisation: Double
    /// Buying.
    public var onPrem: OptionCost
    /// Renting, one per matching offer.
    public var rents: [OptionCost]
    /// Each API.
    public var apis: [APICost]
    /// Per task.
    public var tasks: [TaskCost]
    /// TCO and NPV.
    public var projections: [Projection]
    /// Sensitivity.
    public var tornado: Tornado
    /// The API the verdict and tornado compare with.
    public var referenceAPI: String
    /// One plain sentence.
    public var verdict: String
    /// Every input with its source.
    public var inputs: [InputRow]
    /// Remarks on how figures were obtained (measured power, counts borrowed, caps).
    public var notes: [String]
    /// The Monte Carlo over every uncertain input.
    public var uncertainty: MonteCarloSummary
    /// Monthly cost against volume: buying, each rent and the reference API.
    public var costLines: [CostLine]
    /// Cumulative cash by month over the hardware's life: buying, each rent and the reference API.
    public var cumulativeCash: [CashCurve]
    /// The three numbers at the top of every report.
    public var headline: ROIHeadline
}
