/// One function call a model made: what the response said, before any judgement. Read from a
/// response by its dialect, and sent back in the conversation of an agent's next turn.
public struct ToolCall: Sendable, Hashable {
    /// The call's id as the API gave it (`call_…`, `toolu_…`); for APIs without ids (Gemini,
    /// Ollama), one repat makes from the call's position (`call_0`).
    public var id: String
    /// The called function's name.
    public var name: String
    /// The arguments as JSON text, as streamed or sent (not necessarily valid JSON).
    public var argumentsJSON: String

    /// Creates a call.
    public init(id: String, name: String, argumentsJSON: String) {
        self.id = id
        self.name = name
        self.argumentsJSON = argumentsJSON
    }
}
