import Workload

extension ResponsesDialect {
    /// Targets can send a reasoning effort, as the Responses API's `reasoning.effort` (OpenAI's
    /// o-series and gpt-5 models, gpt-oss on vLLM).
    public var traits: DialectTraits {
        DialectTraits(reasoningFields: [.reasoningEffort])
    }

    /// Adds `"reasoning":{"effort":…}` (`low`, `medium`, `high`) when the target asks for an effort.
    func addReasoning(_ reasoning: ReasoningRequest, to json: inout JSONObjectWriter) {
        guard let effort = reasoning.effort else { return }
        var object = JSONObjectWriter()
        object.add("effort", effort.rawValue)
        json.add("reasoning", object)
    }
}
