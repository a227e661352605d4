import Yams

extension ScenarioLoader {
    /// The workload's `output_schema` (`{name, schema}`, see ``OutputSchema/parse(_:)``), or nil;
    /// a problem is reported on its line, naming the faulty field.
    func readOutputSchema(_ fields: YAMLFields, into report: inout ProblemReport) -> OutputSchema? {
        guard let node = fields.node("output_schema") else { return nil }
        do {
            return try OutputSchema.parse(Self.jsonValue(of: node))
        } catch {
            report.add(fields.field(error.field), line: node.mark?.line, error.message)
            return nil
        }
    }
}
