import Dialects
import Workload

extension RunPlan {
    /// The targets that cannot be asked for structured output when the workload asks for it (a
    /// workload `output_schema`, or a dataset line's): one problem per such target, at its
    /// `dialect` (or its nearest parent's line), naming the target and its dialect. Anthropic's
    /// and Bedrock's APIs and the completions APIs have no schema parameter; repat does not
    /// imitate one with a forced tool call.
    static func outputSchemaProblems(of reading: ScenarioReading, dataset: PromptDataset?) -> [ScenarioProblem] {
        let asked = reading.scenario?.workload.outputSchema != nil || (dataset?.entries.contains { $0.outputSchema != nil } ?? false)
        guard asked else { return [] }
        let accepting = DialectRegistry.all.filter(\.acceptsOutputSchema).map(\.id)
        return reading.targets.compactMap { target in
            guard let dialect = DialectRegistry.named(target.spec.dialect), !dialect.acceptsOutputSchema else { return nil }
            return reading.problem(
                at: "targets[\(target.index)].dialect",
                "target '\(target.spec.name)' speaks \(dialect.id), which takes no output schema, but the workload asks for output_schema (dialects that do: \(accepting.joined(separator: ", ")))")
        }
    }
}
