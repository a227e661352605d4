import Workload

extension AnthropicDialect {
    /// Messages targets can send a thinking budget.
    public var traits: DialectTraits {
        DialectTraits(reasoningFields: [.thinkingBudget])
    }

    /// Adds `thinking: {"type": "enabled", "budget_tokens": N}` when the target sets a
    /// `thinking_budget` (Anthropic wants it at least 1024 and below `max_tokens`; the server
    /// judges that).
    func addReasoning(_ reasoning: ReasoningRequest, to json: inout JSONObjectWriter) {
        if let budget = reasoning.thinkingBudget {
            json.add("thinking", Self.thinking(budget: budget))
        }
    }

    /// Anthropic's `thinking` object for `budget` tokens (Bedrock passes the same object to
    /// Claude through `additionalModelRequestFields`).
    static func thinking(budget: Int) -> JSONObjectWriter {
        var thinking = JSONObjectWriter()
        thinking.add("type", "enabled")
        thinking.add("budget_tokens", budget)
        return thinking
    }
}
