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

extension RunPlan {
    /// What the runner drives, in file order: every target no pipeline uses, then each pipeline
    /// as a target named after it, speaking its generation step's dialect and carrying its steps
    /// as ``targets`` holds them now (after ``attach(toSimulatorAt:)``, pointing at their
    /// simulators).
    public var drivenTargets: [ResolvedTarget] {
        let members = Set(scenario.pipelines.flatMap(\.steps))
        var driven = targets.filter { !members.contains($0.spec.name) }
        for pipeline in scenario.pipelines {
            let steps = pipeline.steps.compactMap { name in targets.first { $0.spec.name == name } }
            guard steps.count == pipeline.steps.count, var target = steps.last else { continue }
            target.spec.name = pipeline.name
            target.pipeline = ResolvedPipeline(steps: steps, topK: pipeline.topK)
            driven.append(target)
        }
        return driven
    }
}
