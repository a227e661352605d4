/// The saving per 1M tokens of buying over one API, as a function of the inputs the analysis is
/// unsure of: the one formula both the tornado and the Monte Carlo evaluate.
///
/// saving = API blended price per token − on-prem cost per token, × 1,000,000, where the on-prem
/// cost per token is the month's cost at utilisation u ÷ (u × monthly capacity). The servers are
/// held as busy as at base: a faster server (throughput factor above 1) serves more tokens for the
/// same month's cost. The exchange rate converts every price quoted in another currency (a USD
/// GPU price, a USD API price) into the report's currency.
public struct SavingModel: Sendable, Equatable {
    /// One value for each uncertain input.
    public struct Values: Sendable, Equatable {
        /// Share of capacity used, 0…1.
        public var utilisation: Double
        /// Electricity price per kWh, report currency.
        public var electricityPerKWh: Double
        /// Power usage effectiveness.
        public var pue: Double
        /// Years the hardware is paid off over.
        public var amortisationYears: Double
        /// Multiplier of the API's list prices (1: as listed).
        public var apiPriceFactor: Double
        /// Share of API input tokens billed at the cached price.
        public var cacheHitShare: Double
        /// Purchase price of one unit, in the hardware profile's currency.
        public var unitListPrice: Double
        /// Multiplier of the measured throughput (1: as measured).
        public var throughputFactor: Double
        /// US dollars for one euro.
        public var usdPerEUR: Double
        /// Operations staff per month, report currency.
        public var staffPerMonth: Double
        /// Hosting per server and month, report currency.
        public var hostingPerServerMonth: Double
        /// Colocation per kW of the servers' power at load and month.
        public var hostingPerKWMonth: Double

        /// Creates values.
        public init(
            utilisation: Double, electricityPerKWh: Double, pue: Double, amortisationYears: Double, apiPriceFactor: Double, cacheHitShare: Double,
            unitListPrice: Double, throughputFactor: Double, usdPerEUR: Double, staffPerMonth: Double, hostingPerServerMonth: Double,
            hostingPerKWMonth: Double
        ) {
            self.utilisation = utilisation
            self.electricityPerKWh = electricityPerKWh
            self.pue = pue
            self.amortisationYears = amortisationYears
            self.apiPriceFactor = apiPriceFactor
            self.cacheHitShare = cacheHitShare
            self.unitListPrice = unitListPrice
            self.throughputFactor = throughputFactor
            self.usdPerEUR = usdPerEUR
            self.staffPerMonth = staffPerMonth
            self.hostingPerServerMonth = hostingPerServerMonth
            self.hostingPerKWMonth = hostingPerKWMonth
        }
    }

    /// Hardware and running inputs at base (the figures ``Values`` does not replace stay as here).
    public var onPrem: OnPremInputs
    /// Measured tokens per second at the operating point.
    public var measuredTokensPerSecond: Double
    /// Share of tokens that are input.
    public var inputFraction: Double
    /// The API compared with.
    public var api: APIPrice
    /// Whether its EU uplift applies.
    public var euProcessing: Bool
    /// Report currency.
    public var currency: Currency
    /// Currency of the hardware's list price.
    public var hardwareCurrency: Currency
    /// Every input at its base value.
    public var base: Values

    /// A model whose base values are the scenario's (`listPrice`: the unit price the scenario used,
    /// in `hardwareCurrency`).
    public init(
        onPrem: OnPremInputs, measuredTokensPerSecond: Double, utilisation: Double, inputFraction: Double, cacheHitShare: Double,
        api: APIPrice, euProcessing: Bool, currency: Currency, exchange: ExchangeRate, hardwareCurrency: Currency, listPrice: Double
    ) {
        self.onPrem = onPrem
        self.measuredTokensPerSecond = measuredTokensPerSecond
        self.inputFraction = inputFraction
        self.api = api
        self.euProcessing = euProcessing
        self.currency = currency
        self.hardwareCurrency = hardwareCurrency
        base = Values(
            utilisation: utilisation, electricityPerKWh: onPrem.electricityPerKWh, pue: onPrem.pue, amortisationYears: onPrem.amortisationYears,
            apiPriceFactor: 1, cacheHitShare: cacheHitShare, unitListPrice: listPrice, throughputFactor: 1, usdPerEUR: exchange.usdPerEUR,
            staffPerMonth: onPrem.staffPerMonth, hostingPerServerMonth: onPrem.hostingPerServerMonth,
            hostingPerKWMonth: onPrem.hostingPerKWMonth
        )
    }

    /// Saving per 1M tokens with `values` (above 0: buying is cheaper), report currency.
    public func saving(_ values: Values) -> Double {
        let rate = ExchangeRate(usdPerEUR: values.usdPerEUR, date: "", source: "")
        var inputs = onPrem
        inputs.unitPrice = rate.convert(values.unitListPrice, from: hardwareCurrency, to: currency)
        inputs.electricityPerKWh = values.electricityPerKWh
        inputs.pue = values.pue
        inputs.amortisationYears = values.amortisationYears
        inputs.staffPerMonth = values.staffPerMonth
        inputs.hostingPerServerMonth = values.hostingPerServerMonth
        inputs.hostingPerKWMonth = values.hostingPerKWMonth
        let model = OnPremModel(inputs: inputs, measuredTokensPerSecond: measuredTokensPerSecond * values.throughputFactor)
        let used = min(1, max(1e-9, values.utilisation))
        let onPremPerToken = model.monthly(utilisation: used).total / (used * model.monthlyCapacity)
        let apiPerToken = api.rates(in: currency, exchange: rate, euProcessing: euProcessing).scaled(by: values.apiPriceFactor)
            .blended(inputFraction: inputFraction, cacheHitShare: values.cacheHitShare)
        return (apiPerToken - onPremPerToken) * 1_000_000
    }

    /// Saving per 1M tokens with every input at base.
    public var baseSaving: Double { saving(base) }
}
