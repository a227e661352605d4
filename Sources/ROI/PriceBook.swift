import Foundation

/// The shipped price tables (`pricing/`) merged with the user's `--config` and `--prices` files.
public struct PriceBook: Sendable {
    /// Settings and sourced figures.
    public var settings: ROISettings
    /// Hardware profiles by id, in file order.
    public var hardware: [HardwareProfile]
    /// Rent offers.
    public var rents: [RentOffer]
    /// API prices.
    public var apis: [APIPrice]
    /// API providers.
    public var providers: [APIProvider]
    /// Roles the user gave measured targets (`targets:` in --config).
    public var targetRoles: [String: TargetRole] = [:]
    /// What to price.
    public var deployment = Deployment()
    /// Which names stand for which model (`models.yaml`).
    public var models = ModelCatalog()
    /// Where each provider processes data (`providers.yaml`).
    public var providerFacts: [ProviderFacts] = []
    /// Country code of your own premises (`own_jurisdiction` in --config; default FR).
    public var ownJurisdiction = "FR"
    /// Where ``ownJurisdiction`` came from.
    public var ownJurisdictionSource = "default; set own_jurisdiction in --config"
    /// Where the volume, mix, cache share and traffic came from when `--usage` read a usage profile.
    public var usageSource: String?

    /// What the sovereignty table is built from.
    public var sovereigntyInputs: SovereigntyInputs {
        SovereigntyInputs(facts: providerFacts, ownJurisdiction: ownJurisdiction, ownJurisdictionSource: ownJurisdictionSource, euProcessing: settings.euProcessing)
    }

    /// The tables' file names inside the pricing folder.
    public static let files = ["defaults.yaml", "hardware.yaml", "rent.yaml", "apis.yaml", "models.yaml", "providers.yaml"]

    /// Reads `defaults.yaml`, `hardware.yaml`, `rent.yaml`, `apis.yaml`, `models.yaml` and `providers.yaml` from `directory`.
    /// - Throws: ``ROIError`` naming the file, line and field.
    public static func load(directory: String) throws(ROIError) -> PriceBook {
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        let defaults = try YAMLValue.load(file: path("defaults.yaml"))
        try defaults.allowOnly(PriceBookParser.settingsKeys)
        guard let currency = try defaults.field("currency")?.currency() else { throw defaults.error("missing field 'currency'") }
        let exchange = try PriceBookParser.exchange(try defaults.required("exchange_rate"))
        var settings = ROISettings(currency: currency, exchange: exchange.rate, exchangeRead: exchange.read, values: [:], euProcessing: false, sensitivity: [:])
        try PriceBookParser.applySettings(defaults, to: &settings)
        let hardware = try YAMLValue.load(file: path("hardware.yaml"))
        try hardware.allowOnly(["hardware"])
        let rent = try YAMLValue.load(file: path("rent.yaml"))
        try rent.allowOnly(["rent"])
        let apis = try YAMLValue.load(file: path("apis.yaml"))
        try apis.allowOnly(["providers", "prices"])
        var book = PriceBook(
            settings: settings,
            hardware: try hardware.required("hardware").items().map { value throws(ROIError) in try PriceBookParser.hardware(value, base: nil) },
            rents: try rent.required("rent").items().map(PriceBookParser.rent),
            apis: try apis.required("prices").items().map(PriceBookParser.api),
            providers: try PriceBookParser.providers(try apis.required("providers"))
        )
        try book.checkProviders(file: path("apis.yaml"))
        book.models = try ModelCatalogParser.load(file: path("models.yaml"))
        try book.checkFamilies(file: path("apis.yaml"))
        book.providerFacts = try ProviderFactsParser.load(file: path("providers.yaml"))
        return book
    }

    /// Adds or replaces (same id) API prices from a file with a `prices:` list (the shape of
    /// `apis.yaml` and of `--import-litellm` output).
    /// - Throws: ``ROIError`` naming the file, line and field.
    public mutating func addPrices(file: String) throws(ROIError) {
        let root = try YAMLValue.load(file: file)
        try root.allowOnly(["providers", "prices", "imported_from", "imported_at"])
        if let providers = try root.field("providers") {
            for provider in try PriceBookParser.providers(providers) { merge(&self.providers, provider, id: \.id) }
        }
        for value in try root.required("prices").items() {
            merge(&apis, try PriceBookParser.api(value), id: \.id)
        }
    }

    /// The hardware profile `id`.
    /// - Throws: ``ROIError`` listing the known ids.
    public func hardware(_ id: String) throws(ROIError) -> HardwareProfile {
        guard let profile = hardware.first(where: { $0.id == id }) else {
            throw ROIError("--hardware \(id): unknown profile; known: \(hardware.map(\.id).joined(separator: ", "))")
        }
        return profile
    }

    /// Replaces the element with the same id, or appends.
    func merge<Element>(_ list: inout [Element], _ element: Element, id: KeyPath<Element, String>) {
        if let index = list.firstIndex(where: { $0[keyPath: id] == element[keyPath: id] }) {
            list[index] = element
        } else {
            list.append(element)
        }
    }

    /// Every `family:` an API price names is in the catalogue.
    private func checkFamilies(file: String) throws(ROIError) {
        for price in apis {
            if let family = price.family, models.family(id: family) == nil {
                throw ROIError("\(file): prices \(price.id): family '\(family)' is not in models.yaml (known: \(models.families.map(\.id).joined(separator: ", ")))")
            }
        }
    }

    private func checkProviders(file: String) throws(ROIError) {
        for price in apis where !providers.contains(where: { $0.id == price.provider }) {
            throw ROIError("\(file): prices \(price.id): provider '\(price.provider)' is not under providers:")
        }
    }
}
