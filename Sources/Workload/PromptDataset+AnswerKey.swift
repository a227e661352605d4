extension PromptDataset {
    /// The expected answers by prompt: each entry's last user message → its expected answer,
    /// for entries that have one (a later entry with the same message wins). A simulated target
    /// told to answer a share correctly recognises its prompts by this key.
    public var answerKey: [String: ExpectedAnswer] {
        var key: [String: ExpectedAnswer] = [:]
        for entry in entries {
            guard let expected = entry.expected, let message = entry.messages.last(where: { $0.role == "user" }) else { continue }
            key[message.content] = expected
        }
        return key
    }
}
