import RepatSupport

/// The cost model run over one ``ROIScenario``: pure, no I/O. Every formula is in `docs/roi.md`.
public enum ROIAnalysis {
    /// Prices the scenario.
    /// - Throws: ``ROIError`` when the volume is missing or beyond the hardware's capacity, or the
    ///   operating point has no throughput.
    public static func run(_ given: ROIScenario) throws(ROIError) -> ROIResult {
        var scenario = given
        let passRates = QualityComparison.passRates(scenario)
        scenario.qualityCompared = scenario.qualityCompared || QualityComparison.comparesOnPremWithAPI(scenario, rates: passRates)
        let point = scenario.operatingPoint.measurement
        let priced = PricedMix(point: point, given: scenario.mix)
        let mix = priced.mix
        var warnings = scenario.warnings
        try sizeForPeak(&scenario, tokensPerSecond: priced.tokensPerSecond, warnings: &warnings)
        let model = OnPremModel(inputs: scenario.onPrem, measuredTokensPerSecond: priced.tokensPerSecond)
        guard model.monthlyCapacity > 0 else {
            throw ROIError("target \(point.target): no token throughput at level \(point.level) to price")
        }
        let (volume, utilisation) = try volumeAndUtilisation(scenario, model)
        let currency = scenario.currency
        var notes = scenario.notes
        if let note = priced.note { notes.append(note) }

        let onPrem = option(
            name: "buy " + PurchasePhrase.text(hardware: scenario.hardware, inputs: scenario.onPrem),
            monthly: model.monthly(utilisation: utilisation), volume: volume, mix: mix
        )
        let rents = scenario.rents.map { offer in
            let monthly = MonthlyCost(
                capex: 0, energy: 0, hosting: rentMonthly(scenario, offer: offer, model: model, volume: volume),
                staff: scenario.onPrem.staffPerMonth, licences: scenario.onPrem.licencesPerMonth
            )
            return option(name: "rent \(offer.instances(for: scenario.onPrem.servingUnits)) × \(offer.provider) \(offer.instance)", monthly: monthly, volume: volume, mix: mix)
        }
        var apis = scenario.apis.map { price -> APICost in
            let rates = price.rates(in: currency, exchange: scenario.exchange, euProcessing: scenario.euProcessing)
            let blended = rates.blended(inputFraction: mix.inputFraction, cacheHitShare: scenario.cacheHitShare)
            var cost = APICost(
                price: price, perMillionInput: rates.effectiveInput(cacheHitShare: scenario.cacheHitShare) * 1_000_000,
                perMillionOutput: rates.output * 1_000_000, perMillionBlended: blended * 1_000_000, monthly: blended * volume,
                breakEvenVolume: nil, breakEvenUtilisation: nil, paybackMonths: nil,
                measuredTarget: scenario.measuredAPIs.first { $0.priceID == price.id }?.target
            )
            cost.family = scenario.apiFamilies[price.id]
            cost.group = APIGroup.of(family: cost.family, measured: cost.measuredTarget != nil, onPrem: scenario.onPremModel.family)
            return cost
        }
        guard let (chosen, choice) = try referenceAPI(scenario, apis) else {
            throw ROIError("no API price to compare with: the price table is empty or every price is zero")
        }
        let referenceID = chosen.price.id
        let overflow = chosen.perMillionBlended / 1_000_000
        let life = CashModel.lifeMonths(scenario.onPrem.amortisationYears)
        let rate = scenario.onPrem.discountRate
        let ownLife = CashModel.buy(model: model, volume: volume, trend: scenario.trend, overflowPerToken: overflow, months: life)
        for index in apis.indices {
            let perToken = apis[index].perMillionBlended / 1_000_000
            let breakEven = BreakEven.monthlyVolume(
                fixedMonthly: model.fixedMonthly, apiPerToken: perToken, marginalPerToken: model.marginalPerToken,
                idleEnergyMonthly: model.monthly(utilisation: 0).energy, trend: scenario.trend, months: life
            )
            let bill = CashModel.api(perToken: perToken, volume: volume, trend: scenario.trend, months: life)
            apis[index].breakEvenVolume = breakEven
            apis[index].breakEvenUtilisation = breakEven.map { $0 / model.monthlyCapacity }
            apis[index].paybackMonths = CostProjection.payback(CostProjection.cumulative(ownLife), CostProjection.cumulative(bill))
            apis[index].discountedPaybackMonths = CostProjection.payback(
                CostProjection.cumulative(CostProjection.discounted(ownLife, rate: rate)), CostProjection.cumulative(CostProjection.discounted(bill, rate: rate))
            )
        }
        guard let reference = apis.first(where: { $0.price.id == referenceID }) else {
            throw ROIError("no API price to compare with: the price table is empty or --api named none of its ids")
        }
        let tasks = taskCosts(scenario, onPrem: onPrem, rents: rents, apis: apis, mix: mix, notes: &notes)
        let cash = cashFlows(scenario, model: model, volume: volume, overflow: overflow, rents: rents, apis: apis)
        let projections = projections(scenario, cash: cash)
        let savings = savingModel(scenario, measuredTokensPerSecond: priced.tokensPerSecond, utilisation: utilisation, mix: mix, reference: reference.price)
        let uncertain = UncertainInput.all(scenario, model: savings, reference: reference.price)
        let tornado = TornadoAnalysis.tornado(model: savings, inputs: uncertain, currency: currency, reference: reference.price)
        let uncertainty = MonteCarlo.run(model: savings, inputs: uncertain, draws: scenario.monteCarloDraws, seed: scenario.monteCarloSeed)
        let comparison = choice.givesVerdict
            ? ModelVerdict.models(onPrem: scenario.onPremModel, reference: reference, choice: choice, qualityCompared: scenario.qualityCompared) + " " + Verdict.sentence(
                currency: currency, volume: volume, utilisation: utilisation, level: point.level, onPrem: onPrem, reference: reference,
                tornado: tornado, inputs: scenario.inputs, lifeMonths: life, trend: scenario.trend)
            : ModelVerdict.withoutSameModel(
                currency: currency, volume: volume, utilisation: utilisation, level: point.level, onPrem: scenario.onPremModel, buying: onPrem,
                orientation: reference, otherModels: apis.count(where: { $0.group == .differentModel }), inputs: scenario.inputs)
        let verdict = comparison + (scenario.operatingPoint.caveat.map { " " + $0 } ?? "")
            + (QualityComparison.warning(scenario, referenceID: reference.price.id, rates: passRates).map { " " + $0 } ?? "")
        var result = ROIResult(
            currency: currency, operatingPoints: [scenario.operatingPoint] + scenario.otherOperatingPoints, primaryTarget: point.target,
            operatingPoint: scenario.operatingPoint, mix: mix,
            prefillRate: mix.prefillRate(inputTokensPerSecond: point.inputTokensPerSecond),
            decodeRate: mix.decodeRate(outputTokensPerSecond: point.outputTokensPerSecond),
            tokensPerSecond: model.tokensPerSecond, monthlyCapacity: model.monthlyCapacity, volume: volume, utilisation: utilisation,
            onPrem: onPrem, rents: rents, apis: apis, tasks: tasks, projections: projections, tornado: tornado,
            referenceAPI: reference.price.id, verdict: verdict, inputs: scenario.inputs, notes: notes,
            onPremModel: scenario.onPremModel, referenceChoice: choice,
            passRates: passRates, correctTasks: QualityComparison.correctTaskCosts(tasks, scenario: scenario, rates: passRates), uncertainty: uncertainty,
            costLines: [CostLine(option: "buy", fixedMonthly: model.fixedMonthly, perToken: model.marginalPerToken, maxVolume: model.monthlyCapacity)]
                + rents.map { CostLine(option: $0.name, fixedMonthly: $0.monthly.total, perToken: 0, maxVolume: model.monthlyCapacity) }
                + [CostLine(option: "API \(reference.price.id)", fixedMonthly: 0, perToken: reference.perMillionBlended / 1_000_000, maxVolume: nil)]
        )
        result.qualityCompared = scenario.qualityCompared
        result.assumptions = scenario.assumptions
        result.warnings = warnings
        result.cashFlows = cash.cumulative
        result.cashFlowOptions = cash.options
        result.lifeMonths = life
        result.servers = scenario.onPrem.servers
        result.peakToAverage = (scenario.traffic ?? .flat).peakToAverage
        result.investment = scenario.onPrem.hardwarePrice + scenario.onPrem.setupCost
        return result
    }

    /// Sizes the servers for the peak hour when the volume is given: ⌈peak rate ÷ one server's
    /// rate⌉ (``PeakSizing``). Servers the user gave are kept; too few for the peak is an error.
    private static func sizeForPeak(_ scenario: inout ROIScenario, tokensPerSecond: Double, warnings: inout [String]) throws(ROIError) {
        let profile = scenario.traffic ?? .flat
        let perServer = OnPremModel(inputs: scenario.onPrem, measuredTokensPerSecond: tokensPerSecond).tokensPerSecondPerServer
        guard let volume = scenario.volume, volume > 0, perServer > 0 else {
            if let share = scenario.utilisation, share * profile.peakToAverage > 1 {
                warnings.append(
                    "at \(ROIFormat.percent(share)) utilisation and a peak-to-average of \(ROIFormat.number(profile.peakToAverage, decimals: 2)) the peak hour needs \(ROIFormat.percent(share * profile.peakToAverage)) of the capacity: price a volume (--volume) to size servers for the peak"
                )
            }
            return
        }
        let needed = PeakSizing.servers(
            volume: volume, hoursPerMonth: scenario.onPrem.hoursPerMonth, peakToAverage: profile.peakToAverage, tokensPerSecondPerServer: perServer
        )
        guard scenario.serversGiven else {
            scenario.onPrem.servers = needed
            if let row = scenario.inputs.firstIndex(where: { $0.name == "servers carrying load" }) {
                scenario.inputs[row] = InputRow(
                    name: "servers carrying load", value: String(needed),
                    source: "sized for the peak: ⌈peak rate ÷ one server's rate at the SLOs⌉, peak-to-average \(ROIFormat.number(profile.peakToAverage, decimals: 2))"
                )
            }
            return
        }
        guard needed <= scenario.onPrem.servers else {
            throw ROIError(
                "a volume of \(ROIFormat.tokens(volume)) tokens a month with a peak-to-average of \(ROIFormat.number(profile.peakToAverage, decimals: 2)) needs \(CountPhrase.text(needed, "server")) at \(scenario.operatingPoint.measurement.level) for the peak hour, but --servers gives \(scenario.onPrem.servers): use --servers \(needed) or more (or leave it out to size for the peak)"
            )
        }
    }

    /// A month of renting `offer` for the serving units: round the clock, or, when the traffic
    /// profile asks and has hourly weights, only the instances each hour needs.
    private static func rentMonthly(_ scenario: ROIScenario, offer: RentOffer, model: OnPremModel, volume: Double) -> Double {
        let inputs = scenario.onPrem
        let perHour: Double
        if let profile = scenario.traffic, profile.rentFollowsTraffic, let shares = profile.hourlyShares {
            let perInstance = model.tokensPerSecond / Double(max(1, inputs.servingUnits)) * Double(offer.gpus)
            let hours = PeakSizing.rentedInstanceHours(volume: volume, hoursPerMonth: inputs.hoursPerMonth, hourlyShares: shares, tokensPerSecondPerInstance: perInstance)
            perHour = hours * offer.hourly.midpoint
        } else {
            perHour = offer.monthlyRent(units: inputs.servingUnits, hours: inputs.hoursPerMonth)
        }
        return scenario.exchange.convert(perHour, from: offer.hourly.currency, to: scenario.currency)
    }

    /// The volume to price and the utilisation it means, from whichever the scenario gives.
    private static func volumeAndUtilisation(_ scenario: ROIScenario, _ model: OnPremModel) throws(ROIError) -> (Double, Double) {
        let volume: Double
        if let given = scenario.volume {
            volume = given
        } else if let utilisation = scenario.utilisation {
            volume = utilisation * model.monthlyCapacity
        } else {
            throw ROIError("give the monthly volume (--volume TOKENS) or the expected utilisation (--utilisation 0.5)")
        }
        guard volume > 0 else { throw ROIError("the monthly volume must be more than 0 tokens") }
        let point = scenario.operatingPoint.measurement
        let perRequest = point.meanInputTokens + point.meanOutputTokens
        guard volume >= perRequest else {
            throw ROIError(
                "a volume of \(ROIFormat.number(volume, decimals: 3)) tokens a month is less than one request of \(point.target) (\(ROIFormat.number(perRequest, decimals: 1)) tokens): give at least \(ROIFormat.number(perRequest.rounded(.up), decimals: 0))"
            )
        }
        let utilisation = model.utilisation(volume: volume)
        return (volume, utilisation)
    }

    /// An option's per-1M costs: blended = total ÷ volume; input and output split by prefill share.
    static func option(name: String, monthly: MonthlyCost, volume: Double, mix: TokenMix) -> OptionCost {
        let total = monthly.total
        let inputTokens = volume * mix.inputFraction
        let outputTokens = volume - inputTokens
        return OptionCost(
            name: name, monthly: monthly,
            perMillionInput: inputTokens > 0 ? total * mix.prefillShare / inputTokens * 1_000_000 : .nan,
            perMillionOutput: outputTokens > 0 ? total * (1 - mix.prefillShare) / outputTokens * 1_000_000 : .nan,
            perMillionBlended: total / volume * 1_000_000
        )
    }

    /// The API the verdict compares with, and why (`docs/roi.md`, "Which API is compared"): the
    /// one named with `--api`; else the cheapest API target measured in the run; else the cheapest
    /// API serving the on-prem model's family; else, when quality was compared, the cheapest API;
    /// else the cheapest API for orientation only (no automatic verdict). A price of zero is never
    /// a reference; nil when every price is zero.
    /// - Throws: ``ROIError`` when `--api` names a price of zero.
    private static func referenceAPI(_ scenario: ROIScenario, _ apis: [APICost]) throws(ROIError) -> (APICost, ReferenceChoice)? {
        if let id = scenario.referenceAPI, let named = apis.first(where: { $0.price.id == id }) {
            guard named.perMillionBlended > 0 else { throw ROIError("--api \(id): its price is zero, so nothing compares with it; name an API with a price") }
            return (named, .named)
        }
        let priced = apis.filter { $0.perMillionBlended > 0 && $0.perMillionBlended.isFinite }
        func cheapest(_ candidates: [APICost]) -> APICost? { candidates.min { $0.perMillionBlended < $1.perMillionBlended } }
        if let measured = cheapest(priced.filter { $0.measuredTarget != nil }) { return (measured, .measured) }
        let same = priced.filter { $0.group == .sameModel }
        if let reference = cheapest(same) { return (reference, .sameModel(count: same.count)) }
        guard let reference = cheapest(priced) else { return nil }
        return (reference, scenario.qualityCompared ? .qualityCompared : .orientationOnly)
    }

    /// The same task priced on each option with the token counts of the target that ran it.
    private static func taskCosts(_ scenario: ROIScenario, onPrem: OptionCost, rents: [OptionCost], apis: [APICost], mix: TokenMix, notes: inout [String]) -> [TaskCost] {
        let own = scenario.tasks
        let target = scenario.operatingPoint.measurement.target
        func owned(_ option: OptionCost) -> TaskCost {
            TaskCost(
                option: option.name, countsFrom: target, inputTokens: own.input, outputTokens: own.output,
                perTask: (own.input * (own.input > 0 ? option.perMillionInput : 0) + own.output * option.perMillionOutput) / 1_000_000
            )
        }
        var rows = [owned(onPrem)] + rents.map(owned)
        var borrowed = false
        for api in apis {
            let measured = scenario.measuredAPIs.first { $0.priceID == api.price.id }
            let tokens = measured?.tokens ?? own
            borrowed = borrowed || measured == nil
            rows.append(TaskCost(
                option: "API \(api.price.id)", countsFrom: measured?.target ?? target, inputTokens: tokens.input, outputTokens: tokens.output,
                perTask: (tokens.input * api.perMillionInput + tokens.output * api.perMillionOutput) / 1_000_000
            ))
        }
        if borrowed {
            notes.append("APIs not measured in the run are priced per task with \(target)'s token counts; their own tokenizers would count the same prompts differently")
        }
        return rows
    }

    /// Monthly cash of every option over the longest horizon: buying, each rent offer, each API.
    private static func cashFlows(_ scenario: ROIScenario, model: OnPremModel, volume: Double, overflow: Double, rents: [OptionCost], apis: [APICost]) -> CashView {
        let months = (scenario.horizons.max() ?? 1) * 12
        let trend = scenario.trend
        var view = CashView(months: months)
        view.add("buy", CashModel.buy(model: model, volume: volume, trend: trend, overflowPerToken: overflow, months: months))
        for rent in rents {
            view.add(rent.name, CashModel.rent(monthly: rent.monthly.total, capacity: model.monthlyCapacity, volume: volume, trend: trend, overflowPerToken: overflow, months: months))
        }
        for api in apis {
            view.add("API \(api.price.id)", CashModel.api(perToken: api.perMillionBlended / 1_000_000, volume: volume, trend: trend, months: months))
        }
        return view
    }

    /// Each option's TCO (cumulative cash) and NPV at every horizon; for buying also its book cost
    /// (cash less the straight-line value of hardware still in service).
    private static func projections(_ scenario: ROIScenario, cash: CashView) -> [Projection] {
        let inputs = scenario.onPrem
        let life = CashModel.lifeMonths(inputs.amortisationYears)
        return cash.options.map { name in
            let flows = cash.flows[name] ?? []
            return Projection(option: name, horizons: scenario.horizons.map { years in
                let summary = CostProjection.summary(flows, rate: inputs.discountRate, throughMonth: years * 12)
                let book = name == "buy"
                    ? summary.tco - CostProjection.bookValue(hardware: inputs.hardwarePrice, residualShare: inputs.residualShare, lifeMonths: life, atMonth: years * 12)
                    : nil
                return HorizonCost(years: years, tco: summary.tco, npv: summary.npv, bookCost: book)
            })
        }
    }

    /// The saving per 1M tokens of buying over `reference` around the scenario's base values.
    private static func savingModel(_ scenario: ROIScenario, measuredTokensPerSecond: Double, utilisation: Double, mix: TokenMix, reference: APIPrice) -> SavingModel {
        let listed = scenario.hardware.price
        let currency = listed?.currency ?? scenario.currency
        return SavingModel(
            onPrem: scenario.onPrem, measuredTokensPerSecond: measuredTokensPerSecond, utilisation: utilisation, inputFraction: mix.inputFraction,
            cacheHitShare: scenario.cacheHitShare, api: reference, euProcessing: scenario.euProcessing, currency: scenario.currency,
            exchange: scenario.exchange, hardwareCurrency: currency,
            listPrice: listed?.midpoint ?? scenario.exchange.convert(scenario.onPrem.unitPrice, from: scenario.currency, to: currency)
        )
    }
}
