extension LevelSummary {
    /// Reasoning tokens over output tokens of the successful requests (0…1); nil when no
    /// successful request reported or showed reasoning, or none produced output.
    public var reasoningShare: Double? {
        guard reasoningRequests > 0, outputTokens > 0 else { return nil }
        return min(1, Double(reasoningTokens) / Double(outputTokens))
    }

    /// Whether any successful request reasoned (a reasoning token counted): where tables show
    /// the time to first answer token beside the time to first token.
    public var showsReasoning: Bool { reasoningTokens > 0 }
}
