/// Generates the prompts of a synthetic workload from a seed.
///
/// Item `i` depends only on the seed and `i`, so a run bounded by duration can draw as many items as
/// it needs, and every target of a scenario, in any run with the same seed, gets byte-identical
/// items in the same order.
public struct SyntheticPrompts: Sendable {
    /// The workload shape.
    public let spec: WorkloadSpec
    /// The scenario's seed.
    public let seed: UInt64

    /// A generator for `spec` under `seed`.
    public init(spec: WorkloadSpec, seed: UInt64) {
        self.spec = spec
        self.seed = seed
    }

    /// The item at position `index` (from 0).
    public func item(at index: Int) -> PromptItem {
        var generator = SeededGenerator(seed: seed, stream: UInt64(index))
        var text = ""
        text.reserveCapacity(spec.promptTokens * 7)
        let words = WordList.words
        for position in 0..<spec.promptTokens {
            if position > 0 { text += " " }
            text += words[generator.next(below: words.count)]
        }
        var messages: [ChatMessage] = []
        if let system = spec.systemPrompt {
            messages.append(ChatMessage(role: "system", content: system))
        }
        messages.append(ChatMessage(role: "user", content: text))
        return PromptItem(index: index, messages: messages, maxTokens: spec.maxTokens)
    }
}
