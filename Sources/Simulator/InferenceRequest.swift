import Workload

/// The shape of a generation request's input: a conversation or a bare prompt.
enum GenerationKind: Sendable, Equatable {
    /// A list of messages: OpenAI's `/chat/completions`, Ollama's `/api/chat`, Anthropic, Gemini,
    /// Bedrock.
    case chat
    /// A prompt string: OpenAI's `/completions`, Ollama's `/api/generate`.
    case completion
}

/// A validated generation request, whatever dialect it came in: what the engine model and the
/// response encoder need, with defaults from the ``EngineProfile`` already applied.
struct InferenceRequest: Sendable, Equatable {
    /// Conversation or bare prompt; decides the response shape where a dialect has both.
    var kind: GenerationKind
    /// The model named by the body or the path, echoed in responses; nil when absent.
    var model: String?
    /// Prompt length in simulated tokens (words across all message contents, or in the prompt).
    var promptTokens: Int
    /// The prompt's block hashes for the prefix cache (``PrefixCache/blocks(of:)``); empty when
    /// the simulator caches no prefix.
    var promptBlocks: [UInt64] = []
    /// Upper bound on output tokens (≥ 1).
    var maxTokens: Int
    /// Output tokens before an early stop may happen (0 when not given).
    var minTokens: Int = 0
    /// When true, exactly `maxTokens` tokens are produced.
    var ignoreEOS: Bool = false
    /// When true, the response is streamed.
    var stream: Bool
    /// OpenAI's `stream_options.include_usage`: adds `"usage":null` to every chunk and a final
    /// usage chunk.
    var includeUsage: Bool = false
    /// The request's seed (its bit pattern when negative); nil when absent.
    var seed: UInt64?
    /// Ollama's `keep_alive`; nil when absent.
    var keepAlive: KeepAlive?
    /// The text that identifies a known prompt (see ``KnownAnswer``): the last user message of a
    /// chat, the prompt of a completion; nil where the dialect's parser does not take it.
    var promptKey: String?
    /// The JSON Schema the answer must follow (structured output), from the dialect's own field;
    /// nil for free text. The answer is then an instance of it (see ``SchemaAnswer``).
    var outputSchema: JSONSchemaCheck?
    /// The functions the request offers (``WireDialect/parseTools(_:into:)``); empty for none.
    var tools: [OfferedTool] = []
    /// The request's `tool_choice` in its API's terms; nil when it gives none.
    var toolChoice: ToolChoice?
    /// Whether the conversation's last message carries tool results, which the model answers with
    /// text.
    var answersToolResult = false
    /// The call this request is answered with, decided when generation starts
    /// (``ToolCallPlan/decide(for:options:seed:)``); nil for a text answer.
    var toolCall: ToolCallPlan?
    /// Reasoning tokens before the answer (see ``EngineProfile/ReasoningOptions``), set once the
    /// request is accepted; 0 when the simulator does not reason or the request turned it off.
    var reasoningTokens = 0
}
