import Metrics

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
    /// Months until buying's cumulative cash is no more than the API's (month-by-month cash model,
    /// trend applied), within the hardware's life; nil when not within it.
    public var paybackMonths: Double?
    /// The measured target this API served in the run, if any.
    public var measuredTarget: String?
    /// The model family it serves; nil when the catalogue does not know its model.
    public var family: ModelFamily?
    /// Its group in every table: same model, measured in this run, different model.
    public var group = APIGroup.differentModel
    /// Months until the discounted cumulative cash of buying is no more than the API's, within the
    /// hardware's life; nil when never.
    public var discountedPaybackMonths: Double?

    /// Creates an API cost.
    public init(
        price: APIPrice, perMillionInput: Double, perMillionOutput: Double, perMillionBlended: Double, monthly: Double,
        breakEvenVolume: Double?, breakEvenUtilisation: Double?, paybackMonths: Double?, measuredTarget: String?,
        discountedPaybackMonths: Double? = nil
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
        self.discountedPaybackMonths = discountedPaybackMonths
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
    /// Total cost of ownership: undiscounted sum of the cash flows (no credit for hardware still
    /// in use).
    public var tco: Double
    /// Net present value of the cash flows (costs positive).
    public var npv: Double
    /// For buying: TCO less the straight-line book value of the hardware still in service at the
    /// horizon (an accounting figure, not cash); nil for other options.
    public var bookCost: Double?

    /// Creates a horizon cost.
    public init(years: Int, tco: Double, npv: Double, bookCost: Double? = nil) {
        self.years = years
        self.tco = tco
        self.npv = npv
        self.bookCost = bookCost
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
    /// The model the on-prem target served.
    public var onPremModel = ModelIdentity()
    /// Why ``referenceAPI`` is the API compared with.
    public var referenceChoice = ReferenceChoice.named
    /// Whether answer quality of the on-prem target and of an API target was measured on the same
    /// prompts (`docs/roi.md` §12).
    public var qualityCompared = false
    /// Answer pass rates measured at each priced target's operating point, by target name (only
    /// targets whose answers were scored).
    public var passRates: [String: QualityTally] = [:]
    /// Cost per correct task for every option with a measured pass rate.
    public var correctTasks: [CorrectTaskCost] = []
    /// Typical figures the result rests on, to check first ("assumptions to check").
    public var assumptions: [Assumption] = []
    /// What limits the result: stale prices, lower-bound capacity, hardware that does not match the
    /// run, a level too short, a peak beyond capacity.
    public var warnings: [String] = []
    /// Cumulative cash by option and month: `cashFlows[option][m]` is what the option paid from
    /// month 0 (purchase day) through month m, over the longest horizon.
    public var cashFlows: [String: [Double]] = [:]
    /// The options of ``cashFlows`` in report order (`buy`, rents, `API <id>`).
    public var cashFlowOptions: [String] = []

    /// The options the cash view shows, in report order: buying, each rent offer and the
    /// reference API (the other APIs' cash stays in ``cashFlows``).
    public var cashViewOptions: [String] {
        cashFlowOptions.filter { !$0.hasPrefix("API ") || $0 == "API \(referenceAPI)" }
    }

    /// Cumulative cash of ``cashViewOptions`` from month 0 through the hardware's life, as the
    /// report draws it (read from ``cashFlows``).
    public var cumulativeCash: [CashCurve] {
        cashViewOptions.compactMap { name in
            cashFlows[name].map { CashCurve(option: name, cumulative: Array($0.prefix(max(1, lifeMonths) + 1))) }
        }
    }
    /// The hardware's life (amortisation) in months: payback beyond it is reported as none.
    public var lifeMonths = 0
    /// Servers carrying load, as priced (sized for the peak unless given).
    public var servers = 0
    /// Peak-to-average ratio the servers were sized for.
    public var peakToAverage = 1.0
    /// Cash paid on purchase day: hardware (whole servers, spares included) plus setup.
    public var investment = 0.0
    /// Where each option's data goes, and the price of `--require`; nil when not assessed.
    public var sovereignty: SovereigntyTable? = nil
    /// The Monte Carlo over every uncertain input.
    public var uncertainty: MonteCarloSummary
    /// Monthly cost against volume: buying, each rent and the reference API.
    public var costLines: [CostLine]

    /// The three numbers at the top of every report: buying against the reference API, read from
    /// ``onPrem``, the reference's ``APICost`` and the hardware's life.
    public var headline: ROIHeadline {
        let reference = apis.first { $0.price.id == referenceAPI }
        return ROIHeadline(
            buyPerMillion: onPrem.perMillionBlended, apiPerMillion: reference?.perMillionBlended ?? .nan, referenceAPI: referenceAPI,
            breakEvenUtilisation: reference?.breakEvenUtilisation, utilisation: utilisation, paybackMonths: reference?.paybackMonths,
            lifeMonths: Double(lifeMonths)
        )
    }
}
