import Results

/// The report's model identity: which model each option serves and the group of each API row.
extension ROIReport {
    /// Group of the row for `option` in every table: `own hardware` for buying and renting, the
    /// API's ``APIGroup`` title for an API row (`API ID`, and the price-decline row of the reference).
    static func group(ofOption option: String, _ result: ROIResult) -> String {
        guard option.hasPrefix("API ") else { return "own hardware" }
        let id = option.dropFirst(4).split(separator: ",", maxSplits: 1).first.map(String.init) ?? ""
        return result.apis.first { $0.price.id == id }?.group.title ?? ""
    }

    /// The APIs in group order (same model, measured, different model), table order within a group.
    static func groupedAPIs(_ result: ROIResult) -> [APICost] {
        APIGroup.allCases.flatMap { group in result.apis.filter { $0.group == group } }
    }

    /// `Models compared`: the on-prem model as requested, served and catalogued, and how many APIs
    /// fall in each group.
    static func modelsSection(_ result: ROIResult) -> ROISection {
        let model = result.onPremModel
        var onPrem = "On-prem (\(result.primaryTarget)): \(model.description)"
        let names = [model.requested.map { "requested as '\($0)'" }, model.served.map { "served as '\($0)'" }].compactMap { $0 }
        if !names.isEmpty { onPrem += "; " + names.joined(separator: ", ") }
        let counts = APIGroup.allCases.map { group in "\(group.title): \(result.apis.count(where: { $0.group == group }))" }
        var text = [onPrem + ".", "APIs by model — " + counts.joined(separator: "; ") + "."]
        if result.apis.contains(where: { $0.group == .differentModel }), result.referenceChoice != .qualityCompared {
            text.append("An API of a different model prices other output: its figures compare cost, not quality, which was not compared.")
        }
        return ROISection(
            id: "models", title: "Models compared", text: text,
            table: ReportTable(
                headings: ["API", "group", "model as the API names it", "model family", "parameters", "weights and licence"],
                rows: groupedAPIs(result).map { api in
                    let family = api.family
                    return [
                        api.price.id, api.group.title, api.price.model, family.map { "\($0.name) (\($0.id))" } ?? "not in the model catalogue",
                        family?.parametersText ?? "", family.map { $0.weights == .open ? "open, \($0.licence ?? "")" : $0.weights.rawValue } ?? "",
                    ]
                }
            )
        )
    }

    /// `rows` with own hardware first, then API rows in group order (same model, measured,
    /// different model); the order within a group is kept.
    static func grouped<Row>(_ rows: [Row], option: KeyPath<Row, String>, _ result: ROIResult) -> [Row] {
        let order = ["own hardware"] + APIGroup.allCases.map(\.title)
        return order.flatMap { title in rows.filter { group(ofOption: $0[keyPath: option], result) == title } }
            + rows.filter { !order.contains(group(ofOption: $0[keyPath: option], result)) }
    }
}
