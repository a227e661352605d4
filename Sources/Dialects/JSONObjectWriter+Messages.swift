import Workload

extension JSONObjectWriter {
    /// Adds `key` with `messages` as an array of `{"role":…,"content":…}` objects, the chat shape
    /// of OpenAI, Ollama and Anthropic.
    mutating func addMessages(_ key: String, _ messages: some Sequence<ChatMessage>) {
        add(key, messages.map { message in
            var object = JSONObjectWriter()
            object.add("role", message.role)
            object.add("content", message.content)
            return object
        })
    }
}
