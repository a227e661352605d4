import Dialects
import Workload

extension RunPlan {
    /// One problem per target whose dialect cannot send tools (``Dialect/acceptsTools``: the
    /// completion-style `openai-completions`, `ollama-generate`, …) when the workload offers some:
    /// on the workload's `tools` line, or on the first dataset line that carries tools.
    static func toolProblems(of reading: ScenarioReading, dataset: PromptDataset?) -> [ScenarioProblem] {
        let origin: (file: String, line: Int?)?
        if let entry = dataset?.entries.first(where: { !$0.tools.isEmpty }), let source = reading.dataset {
            origin = (source.path, entry.line)
        } else if let tools = reading.scenario?.workload.tools, !tools.isEmpty {
            origin = (reading.locations.file, reading.locations.line(of: "workload.tools"))
        } else {
            origin = nil
        }
        guard let (file, line) = origin else { return [] }
        return reading.targets.compactMap { target in
            guard let dialect = DialectRegistry.named(target.spec.dialect), !dialect.acceptsTools else { return nil }
            return ScenarioProblem(
                file: file, line: line, field: "tools",
                message: "target '\(target.spec.name)' speaks \(dialect.id), which cannot offer tools; use a chat dialect for it")
        }
    }
}
