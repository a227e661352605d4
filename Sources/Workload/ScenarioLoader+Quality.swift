import Yams

extension ScenarioLoader {
    /// Fields allowed under `quality`.
    static let qualityFields = ["save_responses"]

    /// The `quality:` section; the defaults when it is absent or faulty (faults are reported).
    func readQuality(_ root: YAMLFields, into report: inout ProblemReport) -> QualitySpec {
        guard let node = root.node("quality"),
              let fields = YAMLFields(node, path: "quality", allowed: Self.qualityFields, into: &report)
        else { return QualitySpec() }
        return QualitySpec(saveResponses: fields.bool("save_responses", into: &report) ?? false)
    }
}
