/// `repat roi` with the sovereignty table: flags APIs that `api_eu_processing` cannot price in
/// the EU, and with `--require` keeps only the options meeting every requirement (before the
/// reference API is chosen) and prices what that costs.
public enum SovereignAnalysis {
    /// Prices `scenario` with ``ROIAnalysis/run(_:)``, filtered by `requirements`, with the
    /// sovereignty table attached.
    /// - Throws: ``ROIError`` from the analysis, or when no API meets the requirements.
    public static func run(_ scenario: ROIScenario, sovereignty inputs: SovereigntyInputs, requirements: [SovereigntyRequirement]) throws(ROIError) -> ROIResult {
        let requirements = Array(Set(requirements)).sorted()
        var scenario = scenario
        let apiRows = scenario.apis.map { SovereigntyAssessment.api("API \($0.id)", price: $0, inputs) }
        scenario.notes += apiRows.compactMap(\.flag)
        guard !requirements.isEmpty else {
            var result = try ROIAnalysis.run(scenario)
            result.sovereignty = SovereigntyTable(rows: rows(result, scenario, inputs), requirements: [], price: nil)
            return result
        }
        let everything = try ROIAnalysis.run(scenario)
        let names = requirements.map(\.rawValue).joined(separator: " and ")
        var filtered = scenario
        filtered.apis = zip(scenario.apis, apiRows).filter { $1.meetsAll(requirements) }.map(\.0)
        filtered.rents = zip(scenario.rents, everything.rents).filter { offer, option in
            SovereigntyAssessment.rent(option.name, offer: offer, inputs).meetsAll(requirements)
        }.map(\.0)
        let excludedAPIs = scenario.apis.filter { api in !filtered.apis.contains { $0.id == api.id } }
        guard !filtered.apis.isEmpty else {
            throw ROIError("--require \(names): no API in the price table meets it, so there is nothing to compare with (add one under prices: and its provider under providers.yaml, or drop a requirement)")
        }
        let excludedTargets = Set(scenario.measuredAPIs.filter { measured in excludedAPIs.contains { $0.id == measured.priceID } }.map(\.target))
        filtered.measuredAPIs.removeAll { excludedTargets.contains($0.target) }
        filtered.otherOperatingPoints.removeAll { excludedTargets.contains($0.measurement.target) }
        filtered.inputs.removeAll { row in scenario.rents.contains { offer in
            !filtered.rents.contains(offer) && row.name == "rent \(offer.provider) \(offer.instance)"
        } }
        if let reference = scenario.referenceAPI, excludedAPIs.contains(where: { $0.id == reference }) {
            filtered.referenceAPI = nil
            filtered.notes.append("--api \(reference) does not meet --require \(names): the reference is chosen among the APIs that do")
        }
        filtered.notes.removeAll { note in excludedAPIs.contains { note.hasPrefix("API \($0.id):") } }
        var result = try ROIAnalysis.run(filtered)
        let table = rows(result, filtered, inputs)
        let onPremComplies = table.first?.meetsAll(requirements) ?? false
        if !onPremComplies {
            result.notes.append("your own jurisdiction (\(inputs.ownJurisdiction)) does not meet --require \(names): buying is shown for comparison and left out of the price of sovereignty")
        }
        let excluded = (everything.rents.map(\.name) + excludedAPIs.map { "API \($0.id)" }).filter { name in !table.contains { $0.option == name } }
        let compliant = figures(result).filter { figure in figure.option != result.onPrem.name || onPremComplies }
        guard let cheapestCompliant = compliant.min(by: { $0.perMillion < $1.perMillion }),
              let cheapestOverall = figures(everything).min(by: { $0.perMillion < $1.perMillion })
        else {
            throw ROIError("--require \(names): no option meets it")
        }
        result.sovereignty = SovereigntyTable(
            rows: table, requirements: requirements,
            price: SovereigntyPrice(cheapestOverall: cheapestOverall, cheapestCompliant: cheapestCompliant, excluded: excluded)
        )
        return result
    }

    /// A row per option of `result`, in the cost tables' order.
    static func rows(_ result: ROIResult, _ scenario: ROIScenario, _ inputs: SovereigntyInputs) -> [SovereigntyRow] {
        [SovereigntyAssessment.onPrem(result.onPrem.name, inputs)]
            + zip(result.rents, scenario.rents).map { option, offer in SovereigntyAssessment.rent(option.name, offer: offer, inputs) }
            + result.apis.map { SovereigntyAssessment.api("API \($0.price.id)", price: $0.price, inputs) }
    }

    /// Every option's cost per 1M tokens and per month.
    static func figures(_ result: ROIResult) -> [OptionFigure] {
        ([result.onPrem] + result.rents).map { OptionFigure(option: $0.name, perMillion: $0.perMillionBlended, monthly: $0.monthly.total) }
            + result.apis.map { OptionFigure(option: "API \($0.price.id)", perMillion: $0.perMillionBlended, monthly: $0.monthly) }
    }
}
