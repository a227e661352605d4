/// What a token-bearing event carried: the distinction behind time to first *answer* token and
/// the reasoning share of a response.
public enum DeltaKind: Sendable, Equatable {
    /// Visible answer text (`content`, `text`, `response`, a text part or block).
    case answer
    /// Reasoning before the answer (`reasoning_content`, `reasoning`, `thinking`, a Gemini thought
    /// part, a Bedrock `reasoningContent`, a Responses API reasoning summary).
    case reasoning
    /// A tool call's streamed arguments (or its name, when the API streams nothing else for it):
    /// output the client acts on, so it counts as an answer.
    case toolArguments
}
