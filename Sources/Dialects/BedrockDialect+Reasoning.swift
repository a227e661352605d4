import Workload

extension BedrockDialect {
    /// Adds `additionalModelRequestFields: {"thinking": {"type": "enabled", "budget_tokens": N}}`
    /// when the target sets a `thinking_budget`: Converse has no field of its own for it and
    /// passes this object to Claude models as Anthropic's Messages API takes it.
    static func addReasoning(_ reasoning: ReasoningRequest, to json: inout JSONObjectWriter) {
        if let budget = reasoning.thinkingBudget {
            var fields = JSONObjectWriter()
            fields.add("thinking", AnthropicDialect.thinking(budget: budget))
            json.add("additionalModelRequestFields", fields)
        }
    }
}
