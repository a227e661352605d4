import Yams

extension ScenarioLoader {
    /// Fields allowed under `quality`.
    static let qualityFields = ["save_responses", "reference_target"]

    /// The `quality:` section; the defaults when it is absent or faulty (faults are reported).
    /// `targets` are the scenario's target names, which `reference_target` must be one of.
    func readQuality(_ root: YAMLFields, targets: [String], into report: inout ProblemReport) -> QualitySpec {
        guard let node = root.node("quality"),
              let fields = YAMLFields(node, path: "quality", allowed: Self.qualityFields, into: &report)
        else { return QualitySpec() }
        let reference = fields.string("reference_target", into: &report)
        if let reference, !targets.contains(reference) {
            report.add(
                "quality.reference_target", line: fields.node("reference_target")?.mark?.line,
                "no target named '\(reference)' (targets: \(targets.joined(separator: ", ")))"
            )
        }
        return QualitySpec(saveResponses: fields.bool("save_responses", into: &report) ?? false, referenceTarget: reference)
    }
}
