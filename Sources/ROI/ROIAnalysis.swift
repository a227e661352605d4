import RepatSupport

/// The cost model run over one ``ROIScenario``: pure, no I/O. Every formula is in `docs/roi.md`.
public enum ROIAnalysis {
    /// Prices the scenario.
    /// - Throws: ``ROIError`` when the volume is missing or beyond the hardware's capacity, or the
    ///   operating point has no throughput.
    public static func run(_ scenario: ROIScenario) throws(ROIError) -> ROIResult {
        let point = scenario.operatingPoint.measurement
        let mix = TokenMix(inputTokens: point.meanInputTokens, outputTokens: point.meanOutputTokens, prefillShare: point.prefillShare)
        let model = OnPremModel(inputs: scenario.onPrem, measuredTokensPerSecond: point.totalTokensPerSecond)
        guard model.monthlyCapacity > 0 else {
            throw ROIError("target \(point.target): no token throughput at level \(point.level) to price")
        }
        let (volume, utilisation) = try volumeAndUtilisation(scenario, model)
        let currency = scenario.currency
        var notes = scenario.notes

        let onPrem = option(
            name: "buy " + PurchasePhrase.text(hardware: scenario.hardware, inputs: scenario.onPrem),
            monthly: model.monthly(utilisation: utilisation), volume: volume, mix: mix
        )
        let rents = scenario.rents.map { offer in
            let rent = scenario.exchange.convert(offer.monthlyRent(units: scenario.onPrem.servingUnits, hours: scenario.onPrem.hoursPerMonth), from: offer.hourly.currency, to: currency)
            let monthly = MonthlyCost(capex: 0, energy: 0, hosting: rent, staff: scenario.onPrem.staffPerMonth, licences: scenario.onPrem.licencesPerMonth)
            return option(name: "rent \(offer.instances(for: scenario.onPrem.servingUnits)) × \(offer.provider) \(offer.instance)", monthly: monthly, volume: volume, mix: mix)
        }
        let investment = scenario.onPrem.hardwarePrice + scenario.onPrem.setupCost
        let operating = onPrem.monthly.operating
        let apis = scenario.apis.map { price -> APICost in
            let rates = price.rates(in: currency, exchange: scenario.exchange, euProcessing: scenario.euProcessing)
            let blended = rates.blended(inputFraction: mix.inputFraction, cacheHitShare: scenario.cacheHitShare)
            let breakEven = BreakEven.monthlyVolume(fixedMonthly: model.fixedMonthly, apiPerToken: blended, marginalPerToken: model.marginalPerToken)
            return APICost(
                price: price, perMillionInput: rates.effectiveInput(cacheHitShare: scenario.cacheHitShare) * 1_000_000,
                perMillionOutput: rates.output * 1_000_000, perMillionBlended: blended * 1_000_000, monthly: blended * volume,
                breakEvenVolume: breakEven, breakEvenUtilisation: breakEven.map { $0 / model.monthlyCapacity },
                paybackMonths: BreakEven.paybackMonths(investment: investment, monthlyAPICost: blended * volume, monthlyOperatingCost: operating),
                measuredTarget: scenario.measuredAPIs.first { $0.priceID == price.id }?.target
            )
        }
        guard let reference = referenceAPI(scenario, apis) else {
            throw ROIError("no API price to compare with: the price table is empty or --api named none of its ids")
        }
        let tasks = taskCosts(scenario, onPrem: onPrem, rents: rents, apis: apis, mix: mix, notes: &notes)
        let projections = projections(scenario, model: model, utilisation: utilisation, rents: rents, apis: apis, reference: reference)
        let savings = savingModel(scenario, measuredTokensPerSecond: point.totalTokensPerSecond, utilisation: utilisation, mix: mix, reference: reference.price)
        let uncertain = UncertainInput.all(scenario, model: savings, reference: reference.price)
        let tornado = TornadoAnalysis.tornado(model: savings, inputs: uncertain, currency: currency, reference: reference.price)
        let uncertainty = MonteCarlo.run(model: savings, inputs: uncertain, draws: scenario.monteCarloDraws, seed: scenario.monteCarloSeed)
        let verdict = Verdict.sentence(
            currency: currency, volume: volume, utilisation: utilisation, level: point.level, onPrem: onPrem, reference: reference,
            tornado: tornado, inputs: scenario.inputs
        ) + (scenario.operatingPoint.caveat.map { " " + $0 } ?? "")
        return ROIResult(
            currency: currency, operatingPoints: [scenario.operatingPoint] + scenario.otherOperatingPoints, primaryTarget: point.target,
            operatingPoint: scenario.operatingPoint, mix: mix,
            prefillRate: mix.prefillRate(inputTokensPerSecond: point.inputTokensPerSecond),
            decodeRate: mix.decodeRate(outputTokensPerSecond: point.outputTokensPerSecond),
            tokensPerSecond: model.tokensPerSecond, monthlyCapacity: model.monthlyCapacity, volume: volume, utilisation: utilisation,
            onPrem: onPrem, rents: rents, apis: apis, tasks: tasks, projections: projections, tornado: tornado,
            referenceAPI: reference.price.id, verdict: verdict, inputs: scenario.inputs, notes: notes, uncertainty: uncertainty,
            costLines: [CostLine(option: "buy", fixedMonthly: model.fixedMonthly, perToken: model.marginalPerToken, maxVolume: model.monthlyCapacity)]
                + rents.map { CostLine(option: $0.name, fixedMonthly: $0.monthly.total, perToken: 0, maxVolume: model.monthlyCapacity) }
                + [CostLine(option: "API \(reference.price.id)", fixedMonthly: 0, perToken: reference.perMillionBlended / 1_000_000, maxVolume: nil)],
            cumulativeCash: CumulativeCash.curves(
                investment: investment, buyOperating: operating, rents: rents, apiName: "API \(reference.price.id)", apiMonthly: reference.monthly,
                months: Int((scenario.onPrem.amortisationYears * 12).rounded(.up))
            ),
            headline: ROIHeadline(
                buyPerMillion: onPrem.perMillionBlended, apiPerMillion: reference.perMillionBlended, referenceAPI: reference.price.id,
                breakEvenUtilisation: reference.breakEvenUtilisation, utilisation: utilisation, paybackMonths: reference.paybackMonths,
                lifeMonths: scenario.onPrem.amortisationYears * 12
            )
        )
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
        let utilisation = model.utilisation(volume: volume)
        guard utilisation <= 1 else {
            let needed = Int((Double(scenario.onPrem.servers) * utilisation).rounded(.up))
            throw ROIError(
                "a volume of \(ROIFormat.tokens(volume)) tokens a month exceeds the capacity of \(CountPhrase.text(scenario.onPrem.servers, "server")) at \(scenario.operatingPoint.measurement.level) (\(ROIFormat.tokens(model.monthlyCapacity))): use --servers \(needed) or more"
            )
        }
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

    /// The named API, else the measured API target when there is exactly one, else the cheapest
    /// API for the mix.
    private static func referenceAPI(_ scenario: ROIScenario, _ apis: [APICost]) -> APICost? {
        if let id = scenario.referenceAPI, let named = apis.first(where: { $0.price.id == id }) { return named }
        let measured = apis.filter { $0.measuredTarget != nil }
        if measured.count == 1 { return measured[0] }
        return apis.min { $0.perMillionBlended < $1.perMillionBlended }
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

    /// Buy, each rent offer and each API over every horizon; the reference API also with prices
    /// falling by the decline rate.
    private static func projections(_ scenario: ROIScenario, model: OnPremModel, utilisation: Double, rents: [OptionCost], apis: [APICost], reference: APICost) -> [Projection] {
        let inputs = scenario.onPrem
        let rate = inputs.discountRate
        func project(_ name: String, _ flows: (Int) -> [Double]) -> Projection {
            Projection(option: name, horizons: scenario.horizons.map { years in
                let summary = CostProjection.summary(flows(years), rate: rate)
                return HorizonCost(years: years, tco: summary.tco, npv: summary.npv)
            })
        }
        var rows = [project("buy") { years in
            CostProjection.buy(
                hardware: inputs.hardwarePrice, setup: inputs.setupCost, residualShare: inputs.residualShare,
                amortisationYears: Int(inputs.amortisationYears.rounded()), yearlyOperating: model.monthly(utilisation: utilisation).operating * 12,
                years: years
            )
        }]
        rows += rents.map { rent in project(rent.name) { CostProjection.recurring(yearly: rent.monthly.total * 12, years: $0) } }
        rows += apis.map { api in project("API \(api.price.id)") { CostProjection.recurring(yearly: api.monthly * 12, years: $0) } }
        let decline = scenario.apiPriceDecline
        rows.append(project("API \(reference.price.id), prices −\(ROIFormat.percent(decline))/year") {
            CostProjection.recurring(yearly: reference.monthly * 12, decline: decline, years: $0)
        })
        return rows
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
