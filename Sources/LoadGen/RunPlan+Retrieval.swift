import Dialects
import Metrics
import Workload

extension RunPlan {
    /// The problem with a dataset that lacks documents on some line although a target (or a
    /// pipeline's step) embeds or reranks them; nil when every line it needs carries them.
    static func documentsProblem(_ dataset: PromptDataset, scenario: Scenario) -> ScenarioProblem? {
        let needing = scenario.targets.filter { DialectRegistry.named($0.dialect).map { $0.requestKind != .generation } ?? false }
        guard let first = needing.first else { return nil }
        let missing = dataset.entries.count { $0.retrieval == nil }
        guard missing > 0 else { return nil }
        return scenario.problem(
            at: "workload.dataset",
            "\(missing) of \(dataset.entries.count) lines carry no documents, which target '\(first.name)' (\(first.dialect)) needs on every line")
    }
}
