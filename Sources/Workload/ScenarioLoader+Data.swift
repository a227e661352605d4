import Yams

extension ScenarioLoader {
    /// Fields allowed under `data`.
    static let dataFields = ["classification", "allowed_jurisdictions"]

    /// `data: {classification, allowed_jurisdictions}`; nil when the section is absent.
    func readData(_ root: YAMLFields, into report: inout ProblemReport) -> DataPolicy? {
        guard let node = root.node("data"), let fields = YAMLFields(node, path: "data", allowed: Self.dataFields, into: &report) else { return nil }
        let names = DataClassification.allCases.map(\.rawValue)
        guard let text = fields.string("classification", required: true, into: &report) else { return nil }
        guard let classification = DataClassification(rawValue: text) else {
            report.add(fields.field("classification"), line: fields.node("classification")?.mark?.line, "expected one of \(names.joined(separator: ", ")), got '\(text)'")
            return nil
        }
        guard let list = fields.node("allowed_jurisdictions") else { return DataPolicy(classification: classification) }
        let field = fields.field("allowed_jurisdictions")
        guard case .sequence(let items) = list, !items.isEmpty else {
            report.add(field, line: list.mark?.line, "expected a list of two-letter country codes or EU, e.g. [EU, CH]")
            return nil
        }
        var codes: [String] = []
        for item in items {
            let code = (item.string ?? "").uppercased()
            guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                report.add(field, line: item.mark?.line, "expected a two-letter country code or EU, got '\(item.string ?? "a collection")'")
                continue
            }
            codes.append(code)
        }
        return DataPolicy(classification: classification, allowedJurisdictions: codes)
    }
}
