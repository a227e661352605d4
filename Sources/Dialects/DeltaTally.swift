/// What one piece of a response (an OpenAI choice, a Gemini candidate, an Anthropic block or
/// delta, a Bedrock delta, an Ollama object) carried, before it is counted as one delta.
struct DeltaContent: Equatable {
    /// Non-empty answer text.
    var answer = false
    /// Non-empty reasoning text.
    var reasoning = false
    /// A tool call's non-empty name or arguments.
    var toolArguments = false

    /// The kind the piece counts as: answer text wins, then tool-call arguments, then reasoning;
    /// `nil` when it carried nothing.
    var kind: DeltaKind? {
        if answer { return .answer }
        if toolArguments { return .toolArguments }
        return reasoning ? .reasoning : nil
    }

    /// Adds what `other` carried.
    mutating func merge(_ other: DeltaContent) {
        answer = answer || other.answer
        reasoning = reasoning || other.reasoning
        toolArguments = toolArguments || other.toolArguments
    }
}

/// The non-empty deltas of each kind that one token-bearing event carried (one per choice,
/// candidate or block).
struct DeltaTally: Equatable {
    /// Deltas carrying answer text.
    var answer = 0
    /// Deltas carrying reasoning only.
    var reasoning = 0
    /// Deltas carrying tool-call arguments (and no answer text).
    var toolArguments = 0

    /// Every delta counted.
    var total: Int { answer + reasoning + toolArguments }

    /// Counts one piece as one delta of its ``DeltaContent/kind``; a piece that carried nothing
    /// is not counted.
    mutating func add(_ content: DeltaContent) {
        switch content.kind {
        case .answer: answer += 1
        case .toolArguments: toolArguments += 1
        case .reasoning: reasoning += 1
        case nil: break
        }
    }

    /// The kind of the event as a whole: an answer when any delta was one, else tool-call
    /// arguments when any was, else reasoning; `nil` for no delta.
    var kind: DeltaKind? {
        if answer > 0 { return .answer }
        if toolArguments > 0 { return .toolArguments }
        return reasoning > 0 ? .reasoning : nil
    }
}
