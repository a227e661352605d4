/// One input the analysis is unsure of: its low, base and high value, how the Monte Carlo draws it,
/// and which of ``SavingModel/Values`` it sets.
struct UncertainInput {
    /// How a draw spreads over the range.
    enum Distribution: String, Sendable {
        /// Every value of low…high equally likely: for a range a source quotes without a typical
        /// figure (a GPU's price "from 25,000 to 40,000 USD").
        case uniform
        /// Density rising linearly from low to the base value and falling to high: for a base the
        /// analysis believes most with a range around it.
        case triangular
    }

    /// Key in `sensitivity:` (`electricity_per_kwh`), or `hardware_price`, `throughput`.
    var key: String
    /// Name in the tornado (`electricity price`).
    var name: String
    /// Low end.
    var low: Double
    /// Base value (the mode of a triangular draw).
    var base: Double
    /// High end.
    var high: Double
    /// How the Monte Carlo draws it.
    var distribution: Distribution
    /// Text of a value with units.
    var text: (Double) -> String
    /// Which value of the model it sets.
    var path: WritableKeyPath<SavingModel.Values, Double>

    /// Whether the range is one value (nothing to vary).
    var isCollapsed: Bool { low == high }

    /// The value at quantile `u` (0…1) of the input's distribution (inverse CDF).
    func value(at u: Double) -> Double {
        guard high > low else { return low }
        switch distribution {
        case .uniform:
            return low + (high - low) * u
        case .triangular:
            let mode = min(high, max(low, base))
            let cut = (mode - low) / (high - low)
            return u < cut
                ? low + ((high - low) * (mode - low) * u).squareRoot()
                : high - ((high - low) * (high - mode) * (1 - u)).squareRoot()
        }
    }

    /// The uncertain inputs of `scenario` around `model`'s base values: every `sensitivity:` range
    /// the scenario sets, the hardware's price range (its profile's low–high, drawn uniformly; the
    /// `hardware_price` range when the profile gives one price), and the measured throughput's 95%
    /// interval (``ThroughputInterval``).
    static func all(_ scenario: ROIScenario, model: SavingModel, reference: APIPrice) -> [UncertainInput] {
        let base = model.base
        let c = scenario.currency.code
        var inputs: [UncertainInput] = []
        func add(
            _ key: String, _ name: String, _ path: WritableKeyPath<SavingModel.Values, Double>, clamp: (Double) -> Double = { $0 },
            text: @escaping (Double) -> String
        ) {
            guard let range = scenario.sensitivity[key] else { return }
            let value = base[keyPath: path]
            inputs.append(UncertainInput(
                key: key, name: name, low: clamp(range.low.apply(to: value)), base: value, high: clamp(range.high.apply(to: value)),
                distribution: .triangular, text: text, path: path
            ))
        }
        add("utilisation", "utilisation", \.utilisation, clamp: { min(1, max(0.001, $0)) }, text: ROIFormat.percent)
        add("electricity_per_kwh", "electricity price", \.electricityPerKWh, clamp: { max(0, $0) }) { ROIFormat.number($0, decimals: 3) + " \(c)/kWh" }
        add("pue", "PUE", \.pue, clamp: { max(1, $0) }) { ROIFormat.number($0, decimals: 2) }
        add("amortisation_years", "amortisation", \.amortisationYears, clamp: { max(0.5, $0) }) { ROIFormat.number($0, decimals: $0 == $0.rounded() ? 0 : 1) + " years" }
        add("api_price", "API price (\(reference.id))", \.apiPriceFactor, clamp: { max(0, $0) }) { "×" + ROIFormat.number($0, decimals: 2) }
        add("cache_hit_share", "cache-hit share", \.cacheHitShare, clamp: { min(1, max(0, $0)) }, text: ROIFormat.percent)
        add("exchange_rate", "exchange rate", \.usdPerEUR, clamp: { max(0.01, $0) }) { ROIFormat.number($0, decimals: 4) + " USD/EUR" }
        add("staff_per_month", "staff", \.staffPerMonth, clamp: { max(0, $0) }) { ROIFormat.money($0, scenario.currency) + "/month" }
        add("hosting_per_server_month", "hosting", \.hostingPerServerMonth, clamp: { max(0, $0) }) { ROIFormat.money($0, scenario.currency) + "/server/month" }
        add("hosting_per_kw_month", "colocation", \.hostingPerKWMonth, clamp: { max(0, $0) }) { ROIFormat.money($0, scenario.currency) + "/kW/month" }
        let priceName = "\(scenario.hardware.unit) price"
        let priceText = { (value: Double) in ROIFormat.number(value, decimals: 0) + " \(model.hardwareCurrency.code)" }
        if let price = scenario.hardware.price, price.low < price.high {
            inputs.append(UncertainInput(
                key: "hardware_price", name: priceName, low: price.low, base: base.unitListPrice, high: price.high, distribution: .uniform,
                text: priceText, path: \.unitListPrice
            ))
        } else {
            add("hardware_price", priceName, \.unitListPrice, clamp: { max(0, $0) }, text: priceText)
        }
        if let interval = scenario.operatingPoint.measurement.throughputInterval {
            let measured = model.measuredTokensPerSecond
            inputs.append(UncertainInput(
                key: "throughput", name: "measured throughput", low: interval.lowFactor, base: 1, high: interval.highFactor, distribution: .triangular,
                text: { ROIFormat.number(measured * $0, decimals: 1) + " tok/s" }, path: \.throughputFactor
            ))
        }
        return inputs
    }
}
