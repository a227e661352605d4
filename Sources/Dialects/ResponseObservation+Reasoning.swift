extension ResponseObservation {
    /// Records one event received at `time` (monotonic ns) that carried `tally`: one token stamp
    /// however many kinds it mixed, every delta counted, its reasoning deltas counted apart, and
    /// the first answer time when any delta was answer text or tool-call arguments. An event with
    /// no delta records nothing.
    mutating func record(_ tally: DeltaTally, at time: UInt64) {
        guard let kind = tally.kind else { return }
        recordToken(kind, deltas: tally.total, at: time)
        if kind != .reasoning {
            reasoningDeltaCount += tally.reasoning
        }
    }

    /// Records a whole non-streamed body whose last bytes arrived at `time` (monotonic ns) and
    /// whose content was `content`: one token of its kind (the first answer time when it holds
    /// answer text or tool-call arguments), nothing when it held no content.
    mutating func recordBody(_ content: DeltaContent, at time: UInt64) {
        var tally = DeltaTally()
        tally.add(content)
        record(tally, at: time)
    }

    /// Of ``outputTokens``, those spent reasoning: the server's count (OpenAI
    /// `completion_tokens_details.reasoning_tokens`, Gemini `thoughtsTokenCount`), else the
    /// reasoning deltas received (vLLM and SGLang `reasoning_content`, Anthropic thinking deltas,
    /// Ollama `thinking`, Bedrock `reasoningContent`); `nil` when neither shows any reasoning.
    public var reasoningTokens: Int? {
        usage?.reasoningTokens ?? (reasoningDeltaCount > 0 ? reasoningDeltaCount : nil)
    }
}
