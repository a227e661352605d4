import Metrics
import RepatSupport

/// Turns the price book, the deployment and the measured targets into one ``ROIScenario``:
/// decides which target is on-prem and which are APIs, picks operating points, chooses measured
/// or nameplate power, and converts every amount into the report's currency.
public enum ROIPlanner {
    /// Builds the scenario.
    /// - Parameters:
    ///   - allowSLOMiss: price the fastest level when no level met the SLOs.
    ///   - allowPartial: let an interrupted level be the on-prem target's operating point.
    ///   - today: `YYYY-MM-DD`, for the warnings about prices and rates older than 180 days (none
    ///     when empty).
    /// - Throws: ``ROIError`` for a missing hardware figure, an unknown target or price id, or a
    ///   target with no level meeting its SLOs.
    public static func scenario(book: PriceBook, targets: [MeasuredTarget], allowSLOMiss: Bool, allowPartial: Bool = false, today: String = "") throws(ROIError) -> ROIScenario {
        let settings = book.settings
        let deployment = book.deployment
        var notes: [String] = []
        let roles = try assignRoles(book: book, targets: targets, notes: &notes)
        let onPremTargets = targets.filter { roles[$0.name] == .onPrem }
        let primary: MeasuredTarget
        if let name = deployment.target {
            guard let named = onPremTargets.first(where: { $0.name == name }) else {
                throw ROIError("--target \(name): no on-prem target of that name in the runs (on-prem: \(onPremTargets.map(\.name).joined(separator: ", ")))")
            }
            primary = named
        } else {
            guard let first = onPremTargets.first else {
                throw ROIError("no on-prem target in the runs: every target is a known cloud API; mark yours with 'targets: {NAME: onprem}' in --config")
            }
            primary = first
        }
        let kind = try pricedKind(of: primary)
        if kind == .embedding {
            notes.append("\(primary.name) serves embeddings: priced per 1M input tokens (embeddings bill no output), against embedding API prices only")
        }
        let point = try OperatingPoint.pick(primary.levels, allowSLOMiss: allowSLOMiss, allowPartial: allowPartial)
        var others: [OperatingPoint] = []
        for target in targets where target.name != primary.name {
            do {
                others.append(try OperatingPoint.pick(target.levels, allowSLOMiss: false))
            } catch {
                notes.append("\(error.description) (shown for reference only)")
            }
        }
        guard let hardwareID = deployment.hardware else {
            throw ROIError("give the hardware to price: --hardware ID (known: \(book.hardware.map(\.id).joined(separator: ", ")))")
        }
        let hardware = try book.hardware(hardwareID)
        guard let price = hardware.price else {
            throw ROIError("hardware \(hardware.id): no purchase price shipped (no sourced figure); set it under hardware: in --config")
        }
        let unitsPerServer = deployment.unitsPerServer ?? 1
        let measuredUnits = deployment.measuredUnits ?? unitsPerServer
        let power = try unitPower(hardware: hardware, point: point.measurement, measuredUnits: measuredUnits, notes: &notes)
        let onPrem = OnPremInputs(
            unitPrice: settings.exchange.convert(price.midpoint, from: price.currency, to: settings.currency),
            unitsPerServer: unitsPerServer, servers: deployment.servers ?? 1, spareServers: Int(try settings.value("spare_servers").value),
            measuredUnits: measuredUnits, setupCost: try settings.money("setup_cost"),
            amortisationYears: try settings.value("amortisation_years").value, residualShare: try settings.value("residual_value").value,
            discountRate: try settings.value("discount_rate").value, loadWatts: power.load, idleWatts: power.idle,
            pue: try settings.value("pue").value, electricityPerKWh: try settings.money("electricity_per_kwh"),
            hostingPerServerMonth: try settings.money("hosting_per_server_month"), staffPerMonth: try settings.money("staff_per_month"),
            licencesPerMonth: try settings.money("licences_per_month"), hoursPerMonth: try settings.value("hours_per_month").value,
            serverPrice: hardware.serverPrice.map { settings.exchange.convert($0.midpoint, from: $0.currency, to: settings.currency) } ?? 0,
            serverWatts: hardware.serverWatts?.value ?? 0, hostingPerKWMonth: try settings.money("hosting_per_kw_month"),
            supportSharePerYear: try settings.value("support_share_per_year").value
        )
        let measuredAPIs = targets.compactMap { target -> MeasuredAPI? in
            guard case .api(let id) = roles[target.name], target.requestKind == kind else { return nil }
            return MeasuredAPI(target: target.name, priceID: id, tokens: target.tasks, operatingPoint: others.first { $0.measurement.target == target.name })
        }
        let apis = try chooseAPIs(book: book, measured: measuredAPIs, kind: kind)
        let rents = book.rents.filter { $0.gpu == hardware.rentGPU }
        if rents.isEmpty { notes.append("no rent offer for \(hardware.name) in the rent table: no rent column") }
        var inputs = try ROIInputs.rows(book: book, hardware: hardware, onPrem: onPrem, power: power)
        inputs += rents.map { offer in
            InputRow(name: "rent \(offer.provider) \(offer.instance)", value: "\(offer.hourly.text) per hour, \(CountPhrase.text(offer.gpus, "GPU"))", source: offer.source, read: offer.read)
        }
        var scenario = ROIScenario(
            currency: settings.currency, exchange: settings.exchange, hardware: hardware, onPrem: onPrem, operatingPoint: point,
            otherOperatingPoints: others, tasks: primary.tasks, volume: deployment.volume, utilisation: deployment.utilisation,
            apis: apis, referenceAPI: deployment.apis.first, measuredAPIs: measuredAPIs, rents: rents,
            cacheHitShare: try settings.value("cache_hit_share").value, euProcessing: settings.euProcessing,
            apiPriceDecline: try settings.value("api_price_decline_per_year").value, horizons: deployment.horizons,
            sensitivity: settings.sensitivity, inputs: inputs,
            notes: notes
        )
        scenario.onPremModel = ModelIdentity(requested: primary.model, served: primary.servedModel, catalog: book.models)
        scenario.apiFamilies = apiFamilies(apis, catalog: book.models)
        scenario.traffic = deployment.traffic
        scenario.mix = deployment.mix
        if let usage = book.usageSource { scenario.notes.append("volume, token mix, cache-hit share and traffic from the \(usage)") }
        scenario.serversGiven = deployment.servers != nil
        scenario.trend = CashTrend(
            volumeGrowth: try settings.value("volume_growth_per_year").value, apiPriceDecline: try settings.value("api_price_decline_per_year").value,
            electricityChange: try settings.value("electricity_price_change_per_year").value
        )
        scenario.assumptions = try AssumptionList.rows(book: book, hardware: hardware, onPrem: onPrem, traffic: deployment.traffic, trafficSource: deployment.trafficSource)
        scenario.warnings = MeasurementWarnings.lines(target: primary, point: point, hardware: hardware)
            + (today.isEmpty ? [] : AssumptionList.staleWarnings(book: book, hardware: hardware, rents: rents, apis: apis, today: today))
        return scenario
    }

    /// Each API's family: the one its `family:` names, else the one its model name is an alias of.
    static func apiFamilies(_ apis: [APIPrice], catalog: ModelCatalog) -> [String: ModelFamily] {
        var families: [String: ModelFamily] = [:]
        for price in apis {
            families[price.id] = price.family.flatMap(catalog.family(id:)) ?? catalog.family(named: price.model)
        }
        return families
    }

    /// The config's roles first (`--config targets:` wins over the scenario); then the scenario's
    /// `stands_for`; otherwise a target whose base URL is a known provider's host is that
    /// provider's API (priced by its model), and every other target is on-prem.
    /// - Throws: ``ROIError`` naming the target whose `stands_for` is not in the price table.
    static func assignRoles(book: PriceBook, targets: [MeasuredTarget], notes: inout [String]) throws(ROIError) -> [String: TargetRole] {
        var roles: [String: TargetRole] = [:]
        for target in targets {
            if let role = book.targetRoles[target.name] {
                roles[target.name] = role
                continue
            }
            if let id = target.standsFor {
                guard book.apis.contains(where: { $0.id == id }) else {
                    throw ROIError(
                        "target \(target.name): stands_for '\(id)' is not in the price table (known: \(book.apis.map(\.id).joined(separator: ", "))); add it with --prices or under prices: in --config, or give the target a role under targets: in --config"
                    )
                }
                roles[target.name] = .api(id)
                continue
            }
            guard let host = target.host, let provider = book.providers.first(where: { $0.serves(host: host) }) else {
                roles[target.name] = .onPrem
                continue
            }
            let model = (target.model ?? "").lowercased()
            if let price = book.apis.first(where: { $0.provider == provider.id && $0.model.lowercased() == model }) {
                roles[target.name] = .api(price.id)
            } else {
                notes.append("target \(target.name) is a \(provider.name) API, but the price table has no entry for model '\(target.model ?? "")': left out (add one under prices: in --config, or name it under targets:)")
            }
        }
        return roles
    }

    /// What the on-prem target is priced as: generations, or embeddings (input tokens only).
    /// - Throws: ``ROIError`` for a target that measured reranks (billed per search by the APIs,
    ///   not per token) or mixed kinds (a pipeline).
    static func pricedKind(of target: MeasuredTarget) throws(ROIError) -> RequestKind {
        switch target.requestKind {
        case .generation?: return .generation
        case .embedding?: return .embedding
        case .rerank?:
            throw ROIError("target \(target.name) measured rerank requests: rerank APIs bill per search, not per token, so repat roi does not price them; price the embedding or generation targets of the run")
        case nil:
            throw ROIError("target \(target.name) mixes request kinds (a pipeline's embedding, rerank and generation steps): repat roi prices a target whose requests are all generations or all embeddings; run and price each step's target on its own")
        }
    }

    /// The APIs named by the deployment (all of `kind` when none), plus every measured API.
    /// - Throws: ``ROIError`` for an unknown `--api`, or one priced for another kind of request.
    private static func chooseAPIs(book: PriceBook, measured: [MeasuredAPI], kind: RequestKind) throws(ROIError) -> [APIPrice] {
        var chosen: [APIPrice] = []
        for id in book.deployment.apis {
            guard let price = book.apis.first(where: { $0.id == id }) else {
                throw ROIError("--api \(id): unknown price id; known: \(book.apis.filter { $0.kind == kind }.map(\.id).joined(separator: ", "))")
            }
            guard price.kind == kind else {
                throw ROIError("--api \(id) is a price for \(price.kind.rawValue)s, but the on-prem target measured \(kind.rawValue)s; known \(kind.rawValue) prices: \(book.apis.filter { $0.kind == kind }.map(\.id).joined(separator: ", "))")
            }
            chosen.append(price)
        }
        if chosen.isEmpty { chosen = book.apis.filter { $0.kind == kind } }
        for api in measured where !chosen.contains(where: { $0.id == api.priceID }) {
            if let price = book.apis.first(where: { $0.id == api.priceID }) { chosen.append(price) }
        }
        return chosen
    }

    /// Per-unit load and idle power: measured at the operating point when telemetry recorded it,
    /// else the profile's nameplate figures; idle falls back to load power (an upper bound).
    static func unitPower(hardware: HardwareProfile, point: LevelMeasurement, measuredUnits: Int, notes: inout [String]) throws(ROIError) -> UnitPower {
        let units = Double(max(1, measuredUnits))
        let load: Double
        let loadSource: String
        if let measured = point.powerMeanW, measured > 0 {
            load = measured / units
            loadSource = "measured at \(point.target) \(point.level) (\(point.powerSource ?? "telemetry")): \(ROIFormat.number(measured, decimals: 1)) W over \(CountPhrase.text(measuredUnits, "unit"))"
            notes.append("load power is measured (\(ROIFormat.number(measured, decimals: 1)) W at \(point.level)), not the nameplate TDP")
        } else if let tdp = hardware.tdpWatts {
            load = tdp.value
            loadSource = "nameplate TDP, \(tdp.source)"
        } else {
            throw ROIError("hardware \(hardware.id): no power figure (tdp_w) and the run measured none; set tdp_w under hardware: in --config")
        }
        let idle: Double
        let idleSource: String
        if let measured = point.idlePowerW, measured > 0 {
            idle = measured / units
            idleSource = "measured idle (\(point.powerSource ?? "telemetry")): \(ROIFormat.number(measured, decimals: 1)) W over \(CountPhrase.text(measuredUnits, "unit"))"
        } else if let profile = hardware.idleWatts {
            idle = profile.value
            idleSource = profile.source
        } else {
            idle = load
            idleSource = "no idle figure: idle hours charged at load power (upper bound)"
            notes.append("no idle power measured or shipped for \(hardware.name): idle hours are charged at load power, an upper bound")
        }
        return UnitPower(load: load, idle: min(idle, load), loadSource: loadSource, idleSource: idleSource)
    }
}

/// Power of one unit as the model uses it, with where each figure came from.
public struct UnitPower: Sendable, Equatable {
    /// W at the operating point.
    public var load: Double
    /// W when idle.
    public var idle: Double
    /// Where `load` came from.
    public var loadSource: String
    /// Where `idle` came from.
    public var idleSource: String
}
