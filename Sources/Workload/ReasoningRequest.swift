/// How much a reasoning model should think, as one target asks it (`reasoning_effort`,
/// `thinking_budget`, `think` in the scenario's target). Each dialect sends the fields its API
/// has, under that API's name; a target naming a field its dialect cannot send is refused when the
/// scenario is read (see ``DialectTraits/reasoningFields``).
public struct ReasoningRequest: Sendable, Equatable {
    /// A scenario field that asks for reasoning.
    public enum Field: String, Sendable, CaseIterable {
        /// `reasoning_effort`: OpenAI chat, Azure OpenAI, vLLM (`reasoning_effort`).
        case reasoningEffort = "reasoning_effort"
        /// `thinking_budget`: Anthropic (`thinking.budget_tokens`), Gemini
        /// (`generationConfig.thinkingConfig.thinkingBudget`), Bedrock Claude
        /// (`additionalModelRequestFields.thinking.budget_tokens`).
        case thinkingBudget = "thinking_budget"
        /// `think`: Ollama (`think: true/false`).
        case think
    }

    /// OpenAI's reasoning effort levels.
    public enum Effort: String, Sendable, CaseIterable {
        case low, medium, high
    }

    /// `reasoning_effort`; `nil` leaves it to the server.
    public var effort: Effort?
    /// `thinking_budget`, tokens the model may spend thinking; `nil` leaves it to the server.
    public var thinkingBudget: Int?
    /// `think`; `nil` leaves it to the server.
    public var think: Bool?

    /// Creates a request; the defaults ask for nothing.
    public init(effort: Effort? = nil, thinkingBudget: Int? = nil, think: Bool? = nil) {
        self.effort = effort
        self.thinkingBudget = thinkingBudget
        self.think = think
    }

    /// The fields this request sets.
    public var fields: [Field] {
        [effort != nil ? .reasoningEffort : nil, thinkingBudget != nil ? .thinkingBudget : nil,
         think != nil ? .think : nil].compactMap { $0 }
    }
}
