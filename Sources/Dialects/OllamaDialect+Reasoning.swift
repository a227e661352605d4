import Workload

extension OllamaDialect {
    /// Chat and generate targets can send `think`.
    public var traits: DialectTraits {
        DialectTraits(reasoningFields: [.think])
    }

    /// Adds `think: true/false` when the target asks for it (a thinking model then sends its
    /// reasoning in `thinking`, apart from the answer, or skips it).
    func addReasoning(_ reasoning: ReasoningRequest, to json: inout JSONObjectWriter) {
        if let think = reasoning.think {
            json.add("think", think)
        }
    }
}
