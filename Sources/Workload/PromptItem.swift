/// One unit of work sent to every target alike: the conversation and the output budget.
///
/// Prompt items are generated once per run from the scenario's seed, so every target receives
/// byte-identical items in the same order.
public struct PromptItem: Sendable, Hashable {
    /// Position in the run's workload, from 0.
    public var index: Int
    /// The conversation, oldest first. Completion-style dialects send ``text``.
    public var messages: [ChatMessage]
    /// Upper bound on generated tokens (`max_tokens`).
    public var maxTokens: Int
    /// What a correct answer to the last message looks like, when the dataset says.
    public var expected: ExpectedAnswer?
    /// Functions the model may call; empty when the request offers none.
    public var tools: [ToolFunction]
    /// Whether and which function must be called; nil leaves it to the API's default.
    public var toolChoice: ToolChoice?
    /// The schema the answer must follow (structured output); nil for free text.
    public var outputSchema: OutputSchema?
    /// The agent loop this item runs (several turns with canned tool results); nil for one request.
    public var agent: AgentTask?
    /// The query and documents of a retrieval workload (embeddings, rerank, pipelines); nil for
    /// a generation workload.
    public var retrieval: RetrievalInput?

    /// Creates a prompt item.
    public init(
        index: Int, messages: [ChatMessage], maxTokens: Int, expected: ExpectedAnswer? = nil,
        tools: [ToolFunction] = [], toolChoice: ToolChoice? = nil, outputSchema: OutputSchema? = nil, agent: AgentTask? = nil,
        retrieval: RetrievalInput? = nil
    ) {
        self.index = index
        self.messages = messages
        self.maxTokens = maxTokens
        self.expected = expected
        self.tools = tools
        self.toolChoice = toolChoice
        self.outputSchema = outputSchema
        self.agent = agent
        self.retrieval = retrieval
    }

    /// The conversation as one plain prompt, for completion-style endpoints: message contents joined
    /// by blank lines.
    public var text: String {
        messages.map(\.content).joined(separator: "\n\n")
    }
}

/// One message of a chat conversation.
public struct ChatMessage: Sendable, Hashable {
    /// `system`, `user`, `assistant`, or `tool` (a tool's result, in an agent loop).
    public var role: String
    /// The message text (a tool message: the result).
    public var content: String
    /// The calls an assistant message made (agent loops); empty otherwise.
    public var toolCalls: [ToolCall]
    /// A tool message: the id of the call it answers.
    public var toolCallID: String?
    /// A tool message: the called function's name (Gemini and Ollama name results by function).
    public var toolName: String?

    /// Creates a message.
    public init(role: String, content: String, toolCalls: [ToolCall] = [], toolCallID: String? = nil, toolName: String? = nil) {
        self.role = role
        self.content = content
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
        self.toolName = toolName
    }
}
