/// The reasoning parameters a generation request carried, whatever its dialect: OpenAI's
/// `reasoning_effort`, Ollama's `think` (true, false or a level), Anthropic's `thinking`
/// (`type`, `budget_tokens`), Gemini's `generationConfig.thinkingConfig.thinkingBudget`, Bedrock's
/// `additionalModelRequestFields.thinking`. Read only when the simulator reasons
/// (``EngineProfile/ReasoningOptions``); a field of another shape is ignored, as the engine would
/// fall back to its default.
struct RequestedReasoning: Sendable, Equatable, Decodable {
    /// `reasoning_effort`, or Ollama's `think` given as a level (`low`, `medium`, `high`).
    var effort: String?
    /// A thinking budget in tokens; 0 also when Anthropic's `thinking.type` is `disabled`.
    var budget: Int?
    /// Ollama's `think` given as a boolean.
    var think: Bool?

    init(effort: String? = nil, budget: Int? = nil, think: Bool? = nil) {
        self.effort = effort
        self.budget = budget
        self.think = think
    }

    /// Reads `body`; a body that is not a JSON object asks nothing.
    init(body: [UInt8]) {
        self = (try? JSONBody.decode(RequestedReasoning.self, from: body)) ?? RequestedReasoning()
    }

    private enum Key: String, CodingKey {
        case reasoningEffort = "reasoning_effort"
        case think, thinking, generationConfig, thinkingConfig, thinkingBudget, additionalModelRequestFields
        case type
        case budgetTokens = "budget_tokens"
    }

    init(from decoder: any Decoder) throws {
        let root = try decoder.container(keyedBy: Key.self)
        effort = try? root.decodeIfPresent(String.self, forKey: .reasoningEffort)
        if let flag = try? root.decodeIfPresent(Bool.self, forKey: .think) {
            think = flag
        } else if let level = try? root.decodeIfPresent(String.self, forKey: .think) {
            effort = level
        }
        budget = Self.anthropicBudget(root, .thinking)
        if let fields = try? root.nestedContainer(keyedBy: Key.self, forKey: .additionalModelRequestFields) {
            budget = Self.anthropicBudget(fields, .thinking) ?? budget
        }
        if let config = try? root.nestedContainer(keyedBy: Key.self, forKey: .generationConfig),
           let thinking = try? config.nestedContainer(keyedBy: Key.self, forKey: .thinkingConfig),
           let tokens = try? thinking.decodeIfPresent(Int.self, forKey: .thinkingBudget), tokens >= 0 {
            budget = tokens
        }
    }

    /// Anthropic's `thinking` object under `key`: its `budget_tokens`, 0 when `disabled`.
    private static func anthropicBudget(_ container: KeyedDecodingContainer<Key>, _ key: Key) -> Int? {
        guard let thinking = try? container.nestedContainer(keyedBy: Key.self, forKey: key) else { return nil }
        if (try? thinking.decodeIfPresent(String.self, forKey: .type)) == "disabled" { return 0 }
        return try? thinking.decodeIfPresent(Int.self, forKey: .budgetTokens)
    }
}
