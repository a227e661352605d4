extension EngineProfile {
    /// The simulated reasoning phase: tokens of reasoning the engine produces before the answer,
    /// at their own pace, sent as the dialect's reasoning deltas (OpenAI `reasoning_content`,
    /// Ollama `thinking`, an Anthropic thinking block, Gemini thought parts, Bedrock
    /// `reasoningContent`). Off (0 tokens) by default.
    ///
    /// The request's own reasoning parameters scale the phase: Ollama `think: false`, a Gemini
    /// `thinkingBudget` of 0 or an Anthropic `thinking` of type `disabled` turn it off; a thinking
    /// budget (Anthropic or Bedrock `budget_tokens`, Gemini `thinkingBudget`) caps it;
    /// `reasoning_effort` (or Ollama's `think` level) `low` halves it and `high` doubles it.
    /// Reasoning tokens count against the request's `max_tokens`, as every API bills them, and no
    /// end-of-sequence is drawn during the phase: a request whose `max_tokens` the phase fills
    /// ends with reasoning only (finish reason `length`).
    public struct ReasoningOptions: Sendable, Equatable {
        /// Reasoning tokens before the answer, for a request that asks nothing (option
        /// `reasoning_tokens`, ≥ 0).
        public var tokens = 0
        /// The gap after each reasoning token, in milliseconds (option `reasoning_tpot_ms`, ≥ 0);
        /// nil to reason at the engine's decode pace.
        public var interTokenMs: Double?

        /// Creates the options; the defaults turn reasoning off.
        public init(tokens: Int = 0, interTokenMs: Double? = nil) {
            self.tokens = tokens
            self.interTokenMs = interTokenMs
        }

        /// The option names, as a scenario's `simulator:` section spells them.
        static let optionNames = ["reasoning_tokens", "reasoning_tpot_ms"]

        /// Sets option `name` (one of ``optionNames``) from its text.
        mutating func set(_ name: String, text: String) throws(OptionError) {
            switch name {
            case "reasoning_tokens":
                tokens = try EngineProfile.parseInt(name, text, atLeast: 0)
            default:
                interTokenMs = try EngineProfile.parseDouble(name, text)
            }
        }

        /// Reasoning tokens for a request that asked `requested`: see the type's description.
        func tokens(for requested: RequestedReasoning) -> Int {
            if requested.think == false || requested.budget == 0 { return 0 }
            var count = tokens
            switch requested.effort {
            case "low", "minimal": count /= 2
            case "high": count *= 2
            default: break
            }
            if let budget = requested.budget, budget > 0 {
                count = min(count, budget)
            }
            return count
        }
    }
}
