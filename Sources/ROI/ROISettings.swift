/// The model's settings (`pricing/defaults.yaml`, then the user's `--config`): currency, exchange
/// rate, every scalar figure with its source, and the sensitivity ranges.
public struct ROISettings: Sendable, Equatable {
    /// Scalar figures, in the order the report echoes them, with their units and allowed range.
    public static let figures: [(key: String, label: String, unit: String, range: ClosedRange<Double>)] = [
        ("electricity_per_kwh", "electricity price", "per kWh", 0...10),
        ("pue", "PUE", "", 1...5),
        ("amortisation_years", "amortisation", "years", 0.5...30),
        ("residual_value", "residual value", "share of price", 0...1),
        ("discount_rate", "discount rate", "per year", 0...1),
        ("hours_per_month", "hours per month", "h", 1...744),
        ("setup_cost", "setup cost", "one-off", 0...1e12),
        ("hosting_per_server_month", "hosting", "per server and month", 0...1e12),
        ("staff_per_month", "staff", "per month", 0...1e12),
        ("licences_per_month", "software licences", "per month", 0...1e12),
        ("spare_servers", "spare servers (N+1 redundancy)", "servers", 0...1000),
        ("cache_hit_share", "API cache-hit share", "of input tokens", 0...1),
        ("api_price_decline_per_year", "API price decline (scenario)", "per year", 0...0.99),
        ("hosting_per_kw_month", "colocation", "per kW and month", 0...1e9),
        ("support_share_per_year", "hardware support", "share of price per year", 0...1),
        ("volume_growth_per_year", "volume growth (scenario)", "per year", -0.9...10),
        ("electricity_price_change_per_year", "electricity price change (scenario)", "per year", -0.9...10),
    ]

    /// Figures that are money, converted from the currency of the file that set them.
    public static let moneyKeys: Set<String> = ["electricity_per_kwh", "setup_cost", "hosting_per_server_month", "staff_per_month", "licences_per_month", "hosting_per_kw_month"]

    /// Keys of the sensitivity ranges.
    public static let sensitivityKeys = [
        "utilisation", "electricity_per_kwh", "pue", "amortisation_years", "api_price", "cache_hit_share", "exchange_rate", "staff_per_month",
        "hosting_per_server_month", "hosting_per_kw_month", "hardware_price",
    ]

    /// The report's currency.
    public var currency: Currency
    /// EUR/USD rate.
    public var exchange: ExchangeRate
    /// When the exchange rate was read.
    public var exchangeRead: String
    /// Scalar figures by key.
    public var values: [String: SourcedValue]
    /// For each money figure, the currency of the file that set it (its `currency:` field).
    public var moneyCurrency: [String: Currency] = [:]
    /// Whether API prices carry their EU data-residency uplift.
    public var euProcessing: Bool
    /// Sensitivity ranges by key.
    public var sensitivity: [String: SensitivityRange]
    /// What the user's `--config` set: figure keys, `exchange_rate`, `traffic`, and `hardware:ID`
    /// for a hardware profile it replaced or changed.
    public var overridden: Set<String> = []

    /// Creates settings.
    public init(currency: Currency, exchange: ExchangeRate, exchangeRead: String, values: [String: SourcedValue], euProcessing: Bool, sensitivity: [String: SensitivityRange]) {
        self.currency = currency
        self.exchange = exchange
        self.exchangeRead = exchangeRead
        self.values = values
        self.euProcessing = euProcessing
        self.sensitivity = sensitivity
    }

    /// The money figure `key` converted into the report's currency.
    /// - Throws: ``ROIError`` when no file set it.
    public func money(_ key: String) throws(ROIError) -> Double {
        let figure = try value(key)
        return exchange.convert(figure.value, from: moneyCurrency[key] ?? currency, to: currency)
    }

    /// The figure `key`.
    /// - Throws: ``ROIError`` when no file set it.
    public func value(_ key: String) throws(ROIError) -> SourcedValue {
        guard let value = values[key] else { throw ROIError("\(key): no value in pricing/defaults.yaml or --config") }
        return value
    }
}
