/// The user's `--config` file: any setting of `pricing/defaults.yaml`, plus `deployment:`,
/// `targets:`, and `hardware:` / `rent:` / `prices:` entries that replace (same id) or add to the
/// shipped ones.
extension PriceBook {
    /// Fields a config file may have.
    static let configKeys = PriceBookParser.settingsKeys + ["deployment", "targets", "hardware", "rent", "prices", "providers", "traffic", "own_jurisdiction"]

    /// Applies the config file at `file`.
    /// - Throws: ``ROIError`` naming the file, line and field.
    public mutating func apply(config file: String) throws(ROIError) {
        let root = try YAMLValue.load(file: file)
        try root.allowOnly(Self.configKeys)
        try apply(root, file: file)
    }

    /// Applies the usage profile at `file` (written by `repat usage import`): its volume, mix, cache
    /// share and traffic, as a config file with those keys would, and remembers where they came from.
    /// - Throws: ``ROIError`` naming the file, line and field; a file without a `usage:` section is
    ///   not a usage profile.
    public mutating func apply(usage file: String) throws(ROIError) {
        let root = try YAMLValue.load(file: file)
        try root.allowOnly(["usage", "deployment", "cache_hit_share", "traffic"])
        let usage = try UsageProvenance.section(of: root)
        try apply(root, file: file)
        usageSource = try UsageProvenance(usage).text(file: file)
    }

    private mutating func apply(_ root: YAMLValue, file: String) throws(ROIError) {
        try PriceBookParser.applySettings(root, to: &settings)
        for key in ROISettings.figures.map(\.key) + ["exchange_rate", "traffic"] {
            if try root.field(key) != nil { settings.overridden.insert(key) }
        }
        if let traffic = try root.field("traffic") {
            deployment.traffic = try Self.traffic(traffic)
            deployment.trafficSource = "your file \(file) traffic:"
        }
        if let deployment = try root.field("deployment") { try applyDeployment(deployment) }
        if let own = try root.field("own_jurisdiction") {
            ownJurisdiction = try ProviderFactsParser.country(own)
            ownJurisdictionSource = "your file \(file)"
        }
        if let targets = try root.field("targets") {
            for (name, role) in try targets.entries() {
                let text = try role.text()
                targetRoles[name] = text == "onprem" ? .onPrem : .api(text)
            }
        }
        if let hardware = try root.field("hardware") {
            for value in try hardware.items() {
                let id = try value.required("id").text()
                settings.overridden.insert("hardware:" + id)
                merge(&self.hardware, try PriceBookParser.hardware(value, base: self.hardware.first { $0.id == id }), id: \.id)
            }
        }
        if let rent = try root.field("rent") {
            for value in try rent.items() { merge(&rents, try PriceBookParser.rent(value), id: \.id) }
        }
        if let providers = try root.field("providers") {
            for provider in try PriceBookParser.providers(providers) { merge(&self.providers, provider, id: \.id) }
        }
        if let prices = try root.field("prices") {
            for value in try prices.items() { merge(&apis, try PriceBookParser.api(value), id: \.id) }
        }
        for case .api(let id) in targetRoles.values where !apis.contains(where: { $0.id == id }) {
            throw ROIError("\(file): targets: unknown price id '\(id)' (use 'onprem' or an id from the price table)")
        }
    }

    /// `traffic: {peak_to_average: 3}` or `traffic: {hourly_weights: [24 numbers]}`, with an
    /// optional `rent_follows_traffic: true` (hourly weights only). Given both, the weights shape the
    /// day (rent) and `peak_to_average` sizes the servers (a usage profile's busiest hour of the
    /// period is busier than its average day's busiest hour).
    private static func traffic(_ value: YAMLValue) throws(ROIError) -> TrafficProfile {
        try value.allowOnly(["peak_to_average", "hourly_weights", "rent_follows_traffic"])
        let follows = try value.field("rent_follows_traffic")?.boolean() ?? false
        if let weights = try value.field("hourly_weights") {
            let hours = try weights.items().map { item throws(ROIError) in try item.number(in: 0...1e15) }
            guard hours.count == 24 else { throw weights.error("expected 24 hourly weights (hour 0 to 23), got \(hours.count)") }
            guard hours.contains(where: { $0 > 0 }) else { throw weights.error("expected at least one hour above 0") }
            var profile = TrafficProfile(hourlyWeights: hours, rentFollowsTraffic: follows)
            if let ratio = try value.field("peak_to_average") {
                profile.peakToAverage = try ratio.number(in: 1...1000)
            }
            return profile
        }
        guard let ratio = try value.field("peak_to_average") else {
            throw value.error("give peak_to_average (e.g. 3) or hourly_weights (24 numbers)")
        }
        if follows { throw value.error("rent_follows_traffic needs hourly_weights, not only peak_to_average") }
        return TrafficProfile(peakToAverage: try ratio.number(in: 1...1000))
    }

    private mutating func applyDeployment(_ value: YAMLValue) throws(ROIError) {
        try value.allowOnly(["hardware", "servers", "gpus_per_server", "measured_gpus", "volume", "mix", "utilisation", "target", "apis", "horizons"])
        if let hardware = try value.field("hardware") { deployment.hardware = try hardware.text() }
        if let servers = try value.field("servers") { deployment.servers = try servers.integer(in: 1...100_000) }
        if let units = try value.field("gpus_per_server") { deployment.unitsPerServer = try units.integer(in: 1...1024) }
        if let measured = try value.field("measured_gpus") { deployment.measuredUnits = try measured.integer(in: 1...1024) }
        if let volume = try value.field("volume") { deployment.volume = try volume.number(in: 1...1e18) }
        if let mix = try value.field("mix") {
            try mix.allowOnly(["input_tokens", "output_tokens"])
            deployment.mix = RequestMix(
                inputTokens: try mix.required("input_tokens").number(in: 0...1e9), outputTokens: try mix.required("output_tokens").number(in: 0...1e9),
                source: "your file \(value.file) deployment.mix"
            )
            if deployment.mix?.tokens == 0 { throw mix.error("input_tokens + output_tokens must be more than 0") }
        }
        if let utilisation = try value.field("utilisation") { deployment.utilisation = try utilisation.number(in: 0.001...1) }
        if let target = try value.field("target") { deployment.target = try target.text() }
        if let apis = try value.field("apis") { deployment.apis = try apis.items().map { item throws(ROIError) in try item.text() } }
        if let horizons = try value.field("horizons") {
            deployment.horizons = try horizons.items().map { item throws(ROIError) in try item.integer(in: 1...30) }
        }
    }
}
