import Yams

/// Reading a target's reasoning fields: `reasoning_effort` (low, medium or high),
/// `thinking_budget` (tokens) and `think` (true or false), each refused when the target's dialect
/// cannot send it (a dialect the catalog does not know is reported elsewhere).
extension ScenarioLoader {
    /// The reasoning fields of the target in `fields`, whose dialect is `dialect`.
    func reasoning(_ fields: YAMLFields, dialect: String, into report: inout ProblemReport) -> ReasoningRequest {
        var request = ReasoningRequest()
        if let effort = fields.string(ReasoningRequest.Field.reasoningEffort.rawValue, into: &report) {
            let names = ReasoningRequest.Effort.allCases.map(\.rawValue)
            request.effort = ReasoningRequest.Effort(rawValue: effort)
            if request.effort == nil {
                report.add(fields.field("reasoning_effort"), line: fields.node("reasoning_effort")?.mark?.line, "expected low, medium or high, got \(Self.quoted(effort, among: names))")
            }
        }
        request.thinkingBudget = fields.int(ReasoningRequest.Field.thinkingBudget.rawValue, range: 0...10_000_000, into: &report)
        request.think = fields.bool(ReasoningRequest.Field.think.rawValue, into: &report)
        guard let traits = catalog.dialectTraits[dialect] else { return request }
        for field in ReasoningRequest.Field.allCases where fields.node(field.rawValue) != nil && !traits.reasoningFields.contains(field) {
            let accepted = ReasoningRequest.Field.allCases.filter(traits.reasoningFields.contains).map(\.rawValue)
            let hint = accepted.isEmpty ? "it sends no reasoning field" : "it sends \(accepted.joined(separator: ", "))"
            report.add(fields.field(field.rawValue), line: fields.node(field.rawValue)?.mark?.line, "dialect \(dialect) cannot send \(field.rawValue) (\(hint))")
        }
        return request
    }
}
