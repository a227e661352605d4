/// The sentences of the verdict that name the models compared: which model the on-prem target
/// served, which the reference API serves, and — when no API serves the same model and quality was
/// not compared — the verdict given instead of a cost comparison.
public enum ModelVerdict {
    /// `On-prem serves …; the reference API … serves the same model (the cheapest of 3 APIs that do).`
    public static func models(onPrem: ModelIdentity, reference: APICost, choice: ReferenceChoice, qualityCompared: Bool = false) -> String {
        let api = reference.price.id
        let serves = "serves \(description(of: reference))"
        let same = reference.family != nil && reference.family?.id == onPrem.family?.id
        var text = "On-prem serves \(onPrem.description); "
        switch choice {
        case .sameModel(let count):
            text += "the reference API \(api) serves the same model (as '\(reference.price.model)'; " + (count == 1 ? "the only API that does" : "the cheapest of the \(count) APIs that do") + ")"
        case .named:
            text += "the reference API \(api), named with --api, \(serves)" + remark(same: same, qualityCompared: qualityCompared)
        case .measured:
            text += "the reference API \(api), measured in this run" + (reference.measuredTarget.map { " as \($0)" } ?? "") + ", \(serves)" + remark(same: same, qualityCompared: qualityCompared)
        case .qualityCompared:
            text += "no API serves the same model, so the reference is the cheapest API, \(api), which \(serves); the quality of both was measured on the same prompts"
        case .orientationOnly:
            text += "the API \(api) \(serves)" + remark(same: same, qualityCompared: qualityCompared)
        }
        return text + "."
    }

    /// The verdict when no API serves the on-prem model and quality was not compared: buying's own
    /// figure, the APIs of other models counted, and the cheapest of them for orientation only.
    public static func withoutSameModel(
        currency: Currency, volume: Double, utilisation: Double, level: String, onPrem: ModelIdentity, buying: OptionCost,
        orientation: APICost, otherModels: Int, inputs: [InputRow]
    ) -> String {
        var text = "No automatic verdict: on-prem serves \(onPrem.description), and no API in the price table serves the same model"
        text += " (\(otherModels == 1 ? "1 API serves" : "\(otherModels) APIs serve") a different model; quality was not compared). "
        text += "At \(ROIFormat.tokens(volume)) tokens a month (\(ROIFormat.percent(utilisation)) of the capacity at \(level)), buying costs \(ROIFormat.money(buying.perMillionBlended, currency)) per 1M tokens. "
        text += "For orientation only: the cheapest API, \(orientation.price.id), serves \(description(of: orientation)) at \(ROIFormat.money(orientation.perMillionBlended, currency)) per 1M tokens. "
        text += "Compare with one API by naming it with --api"
        let unset = inputs.filter { $0.source == "not set" }.map(\.name)
        if !unset.isEmpty { text += ". Not included (not set): \(unset.joined(separator: ", "))" }
        return text + "."
    }

    /// The models compared, in one short line for the headline: the same model, a different one
    /// (and whether quality was compared), or no automatic verdict.
    public static func short(onPrem: ModelIdentity, reference: APICost, choice: ReferenceChoice, qualityCompared: Bool) -> String {
        let own = onPrem.family?.name ?? onPrem.name.map { "'\($0)' (not in the model catalogue)" } ?? "an unnamed model"
        let api = reference.price.id
        let theirs = reference.family?.name ?? "'\(reference.price.model)'"
        let same = reference.family != nil && reference.family?.id == onPrem.family?.id
        switch choice {
        case .orientationOnly:
            return "No automatic verdict: no API serves \(own); \(api) (\(theirs)) is for orientation only"
        case _ where same:
            return "Same model: on-prem and \(api) both serve \(own)"
        default:
            return "Different models: on-prem \(own), \(api) \(theirs); "
                + (qualityCompared ? "answer quality measured on the same prompts" : "quality not compared")
        }
    }

    /// The API's model as the catalogue describes it, or its name marked as unknown.
    public static func description(of api: APICost) -> String {
        api.family?.description ?? "'\(api.price.model)' (not in the model catalogue)"
    }

    /// `: the same model`, or `, a different model:` and whether quality was compared.
    private static func remark(same: Bool, qualityCompared: Bool) -> String {
        same ? ": the same model"
            : qualityCompared ? ", a different model: answer quality was measured on the same prompts (see cost per correct task)"
            : ", a different model: quality was not compared"
    }
}
