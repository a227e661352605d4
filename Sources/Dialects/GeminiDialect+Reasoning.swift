import Workload

extension GeminiDialect {
    /// Targets can send a thinking budget.
    public var traits: DialectTraits {
        DialectTraits(reasoningFields: [.thinkingBudget])
    }

    /// Adds `thinkingConfig: {"thinkingBudget": N}` to `generationConfig` when the target sets a
    /// `thinking_budget` (0 turns thinking off on models that allow it).
    func addReasoning(_ reasoning: ReasoningRequest, to config: inout JSONObjectWriter) {
        if let budget = reasoning.thinkingBudget {
            var thinking = JSONObjectWriter()
            thinking.add("thinkingBudget", budget)
            config.add("thinkingConfig", thinking)
        }
    }
}
