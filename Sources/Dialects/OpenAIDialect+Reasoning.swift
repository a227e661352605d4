import Workload

extension OpenAIDialect {
    /// Chat targets can send `reasoning_effort` (OpenAI's o-series and gpt-5 models, vLLM and
    /// SGLang for gpt-oss); the legacy completions API has no reasoning field.
    public var traits: DialectTraits {
        DialectTraits(reasoningFields: api == .chat ? [.reasoningEffort] : [])
    }

    /// Adds `reasoning_effort` (`low`, `medium`, `high`) to a chat body when the target asks for it.
    func addReasoning(_ reasoning: ReasoningRequest, to json: inout JSONObjectWriter) {
        if api == .chat, let effort = reasoning.effort {
            json.add("reasoning_effort", effort.rawValue)
        }
    }
}
