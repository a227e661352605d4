import Metrics

/// Reads the entries of the price tables. Each function takes one YAML node and either returns a
/// value or throws an ``ROIError`` naming file, line and field.
enum PriceBookParser {
    /// Fields of `defaults.yaml` (and of the settings part of `--config`).
    static let settingsKeys = ["currency", "exchange_rate", "sensitivity", "api_eu_processing"] + ROISettings.figures.map(\.key)

    /// `exchange_rate: {usd_per_eur, date, source, read}`.
    static func exchange(_ value: YAMLValue) throws(ROIError) -> (rate: ExchangeRate, read: String) {
        try value.allowOnly(["usd_per_eur", "date", "source", "read"])
        let rate = ExchangeRate(
            usdPerEUR: try value.required("usd_per_eur").number(in: 0.01...100),
            date: try value.required("date").text(), source: try value.required("source").text()
        )
        return (rate, try value.field("read")?.text() ?? "")
    }

    /// Applies every settings field `root` has; plain numbers get the file as their source.
    static func applySettings(_ root: YAMLValue, to settings: inout ROISettings) throws(ROIError) {
        let fileCurrency = try root.field("currency")?.currency() ?? settings.currency
        settings.currency = fileCurrency
        if let exchange = try root.field("exchange_rate") {
            let parsed = try Self.exchange(exchange)
            settings.exchange = parsed.rate
            settings.exchangeRead = parsed.read
        }
        if let eu = try root.field("api_eu_processing") { settings.euProcessing = try eu.boolean() }
        for figure in ROISettings.figures {
            guard let value = try root.field(figure.key) else { continue }
            settings.values[figure.key] = try sourced(value, range: figure.range)
            if ROISettings.moneyKeys.contains(figure.key) { settings.moneyCurrency[figure.key] = fileCurrency }
        }
        if let sensitivity = try root.field("sensitivity") {
            for (key, range) in try sensitivity.entries() {
                guard ROISettings.sensitivityKeys.contains(key) else {
                    throw range.error("unknown input; known: \(ROISettings.sensitivityKeys.joined(separator: ", "))")
                }
                try range.allowOnly(["low", "high"])
                settings.sensitivity[key] = SensitivityRange(low: try bound(try range.required("low")), high: try bound(try range.required("high")))
            }
        }
    }

    /// A figure: a plain number (its source is the file), or `{value, source, read}`.
    static func sourced(_ value: YAMLValue, range: ClosedRange<Double>) throws(ROIError) -> SourcedValue {
        if value.isScalar {
            return SourcedValue(try value.number(in: range), source: "your file \(value.file)")
        }
        try value.allowOnly(["value", "source", "read"])
        return SourcedValue(
            try value.required("value").number(in: range), source: try value.required("source").text(), read: try value.field("read")?.text() ?? ""
        )
    }

    /// `{factor: x}` or `{value: x}`.
    static func bound(_ value: YAMLValue) throws(ROIError) -> SensitivityRange.Bound {
        try value.allowOnly(["factor", "value"])
        if let factor = try value.field("factor") { return .factor(try factor.number(in: 0...100)) }
        return .value(try value.required("value").number(in: 0...1e6))
    }

    /// A price: `{value | low, high, currency, source?, read?}`.
    static func price(_ value: YAMLValue) throws(ROIError) -> (range: PriceRange, source: String?, read: String?) {
        try value.allowOnly(["value", "low", "high", "currency", "source", "read"])
        let currency = try value.required("currency").currency()
        let range: PriceRange
        if let single = try value.field("value") {
            let amount = try single.number(in: 0...1e9)
            range = PriceRange(low: amount, high: amount, currency: currency)
        } else {
            let low = try value.required("low").number(in: 0...1e9)
            let high = try value.required("high").number(in: low...1e9)
            range = PriceRange(low: low, high: high, currency: currency)
        }
        return (range, try value.field("source")?.text(), try value.field("read")?.text())
    }

    /// A hardware profile; with `base`, fields not given keep the base profile's.
    static func hardware(_ value: YAMLValue, base: HardwareProfile?) throws(ROIError) -> HardwareProfile {
        try value.allowOnly(["id", "name", "unit", "rent_gpu", "price", "tdp_w", "idle_w", "server_price", "server_w"])
        let id = try value.required("id").text()
        var profile = base ?? HardwareProfile(id: id, name: id, unit: "GPU", rentGPU: nil, price: nil, priceSource: nil, tdpWatts: nil, idleWatts: nil)
        if let name = try value.field("name") { profile.name = try name.text() }
        if let unit = try value.field("unit") { profile.unit = try unit.text() }
        if let rent = try value.field("rent_gpu") { profile.rentGPU = try rent.text() }
        if let price = try value.field("price") {
            let parsed = try Self.price(price)
            profile.price = parsed.range
            profile.priceSource = SourcedValue(parsed.range.midpoint, source: parsed.source ?? "your file \(value.file)", read: parsed.read ?? "")
        }
        if let tdp = try value.field("tdp_w") { profile.tdpWatts = try sourced(tdp, range: 0...100_000) }
        if let idle = try value.field("idle_w") { profile.idleWatts = try sourced(idle, range: 0...100_000) }
        if let server = try value.field("server_price") {
            let parsed = try Self.price(server)
            profile.serverPrice = parsed.range
            profile.serverPriceSource = SourcedValue(parsed.range.midpoint, source: parsed.source ?? "your file \(value.file)", read: parsed.read ?? "")
        }
        if let watts = try value.field("server_w") { profile.serverWatts = try sourced(watts, range: 0...100_000) }
        return profile
    }

    /// A rent offer.
    static func rent(_ value: YAMLValue) throws(ROIError) -> RentOffer {
        try value.allowOnly(["id", "provider", "instance", "gpu", "gpus", "price", "source", "read"])
        return RentOffer(
            id: try value.required("id").text(), provider: try value.required("provider").text(),
            instance: try value.required("instance").text(), gpu: try value.required("gpu").text(),
            gpus: try value.required("gpus").integer(in: 1...64), hourly: try price(try value.required("price")).range,
            source: try value.required("source").text(), read: try value.required("read").text()
        )
    }

    /// An API price entry.
    static func api(_ value: YAMLValue) throws(ROIError) -> APIPrice {
        try value.allowOnly(["id", "provider", "model", "input", "cached_input", "output", "currency", "region_uplift", "source", "read", "via", "family", "eu_price", "kind"])
        let perMillion = 0.0...100_000
        let kind = try apiKind(value)
        var price = APIPrice(
            id: try value.required("id").text(), provider: try value.required("provider").text(), model: try value.required("model").text(),
            input: try value.required("input").number(in: perMillion), cachedInput: try value.field("cached_input")?.number(in: perMillion),
            output: kind == .embedding ? 0 : try value.required("output").number(in: perMillion), currency: try value.required("currency").currency(),
            regionUplift: try value.field("region_uplift")?.number(in: 1...5) ?? 1,
            source: try value.required("source").text(), read: try value.required("read").text(),
            euPrice: try value.field("eu_price")?.boolean() ?? false
        )
        price.family = try value.field("family")?.text()
        price.kind = kind
        return price
    }

    /// An API price entry's `kind:`: `generation` (the default) or `embedding`, which bills input
    /// tokens only and so takes no `output` price.
    private static func apiKind(_ value: YAMLValue) throws(ROIError) -> RequestKind {
        guard let field = try value.field("kind") else { return .generation }
        let text = try field.text()
        guard let kind = RequestKind(rawValue: text), kind != .rerank else {
            throw field.error("'\(text)' is not generation or embedding (rerank APIs bill per search, not per token, and are not priced)")
        }
        if kind == .embedding, let output = try value.field("output") {
            throw output.error("an embedding price bills input tokens only: leave out output")
        }
        return kind
    }

    /// `providers: {id: {name, hosts}}`.
    static func providers(_ value: YAMLValue) throws(ROIError) -> [APIProvider] {
        try value.entries().map { entry throws(ROIError) in
            try entry.value.allowOnly(["name", "hosts"])
            return APIProvider(
                id: entry.key, name: try entry.value.required("name").text(),
                hosts: try entry.value.required("hosts").items().map { host throws(ROIError) in try host.text().lowercased() }
            )
        }
    }
}
