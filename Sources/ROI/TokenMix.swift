/// The measured token mix of a workload and how a server's time splits between its two phases.
///
/// Prefill (reading the prompt) and decode (writing the answer) run at very different speeds, so a
/// token of each costs differently. `prefillShare` is the share of the requests' server time spent
/// on the prompt, measured per request as time to first token over end-to-end time (the server's
/// own prompt and decode times where it reports them). Costs are split between input and output
/// tokens in that proportion, and the implied rates reproduce the measured throughput through the
/// blended-rate formula (T_in + T_out) / (T_in / prefill + T_out / decode).
public struct TokenMix: Sendable, Equatable {
    /// Mean input tokens per request.
    public var inputTokens: Double
    /// Mean output tokens per request.
    public var outputTokens: Double
    /// Share of server time on prefill, 0…1.
    public var prefillShare: Double

    /// Creates a mix.
    public init(inputTokens: Double, outputTokens: Double, prefillShare: Double) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.prefillShare = min(1, max(0, prefillShare))
    }

    /// Input tokens over all tokens, 0…1 (0 for an empty mix).
    public var inputFraction: Double {
        let total = inputTokens + outputTokens
        return total > 0 ? inputTokens / total : 0
    }

    /// Prefill rate, input tokens per second of prefill time, given the level's measured rates:
    /// input tok/s ÷ prefill share. Nil without prefill time.
    public func prefillRate(inputTokensPerSecond: Double) -> Double? {
        prefillShare > 0 ? inputTokensPerSecond / prefillShare : nil
    }

    /// Decode rate, output tokens per second of decode time: output tok/s ÷ (1 − prefill share).
    public func decodeRate(outputTokensPerSecond: Double) -> Double? {
        prefillShare < 1 ? outputTokensPerSecond / (1 - prefillShare) : nil
    }

    /// Tokens per second for this mix from the two rates: (T_in + T_out) / (T_in/P + T_out/D).
    public static func blendedRate(inputTokens: Double, outputTokens: Double, prefillRate: Double, decodeRate: Double) -> Double {
        let time = inputTokens / prefillRate + outputTokens / decodeRate
        return time > 0 ? (inputTokens + outputTokens) / time : 0
    }
}
