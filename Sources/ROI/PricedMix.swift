/// The token mix the cost model prices and the on-prem throughput at that mix.
///
/// By default both are the operating point's: the measured workload's mean tokens per request and
/// its measured tokens per second. When the traffic to price has another mix (`deployment.mix`, a
/// usage profile), APIs are priced at that mix, and the on-prem throughput is re-blended from the
/// measured prefill and decode rates, (T_in + T_out) ÷ (T_in ÷ P + T_out ÷ D), because a server
/// carries fewer tokens a second when a larger share of them is output.
struct PricedMix {
    /// The mix priced, with the share of server time spent on prefill at that mix.
    var mix: TokenMix
    /// On-prem tokens per second at that mix.
    var tokensPerSecond: Double
    /// A line for the report's notes when the mix is not the measured one.
    var note: String?

    /// The mix for `point`, replaced by `given` when there is one.
    init(point: LevelMeasurement, given: RequestMix?) {
        let measured = TokenMix(inputTokens: point.meanInputTokens, outputTokens: point.meanOutputTokens, prefillShare: point.prefillShare)
        guard let given else {
            mix = measured
            tokensPerSecond = point.totalTokensPerSecond
            return
        }
        let measuredText = "\(ROIFormat.number(point.meanInputTokens, decimals: 1)) in / \(ROIFormat.number(point.meanOutputTokens, decimals: 1)) out"
        let givenText = "\(ROIFormat.number(given.inputTokens, decimals: 1)) in / \(ROIFormat.number(given.outputTokens, decimals: 1)) out"
        guard let prefill = measured.prefillRate(inputTokensPerSecond: point.inputTokensPerSecond),
              let decode = measured.decodeRate(outputTokensPerSecond: point.outputTokensPerSecond), prefill > 0, decode > 0
        else {
            mix = TokenMix(inputTokens: given.inputTokens, outputTokens: given.outputTokens, prefillShare: measured.prefillShare)
            tokensPerSecond = point.totalTokensPerSecond
            note = "priced at \(givenText) tokens per request (\(given.source)); the run measured \(measuredText) but no separate prefill and decode rates, so on-prem throughput is the measured \(ROIFormat.number(tokensPerSecond, decimals: 1)) tok/s unchanged"
            return
        }
        let prefillTime = given.inputTokens / prefill
        let time = prefillTime + given.outputTokens / decode
        mix = TokenMix(inputTokens: given.inputTokens, outputTokens: given.outputTokens, prefillShare: time > 0 ? prefillTime / time : 0)
        tokensPerSecond = TokenMix.blendedRate(inputTokens: given.inputTokens, outputTokens: given.outputTokens, prefillRate: prefill, decodeRate: decode)
        note = "priced at \(givenText) tokens per request (\(given.source)), not the measured \(measuredText): on-prem throughput at that mix \(ROIFormat.number(tokensPerSecond, decimals: 1)) tok/s (measured \(ROIFormat.number(point.totalTokensPerSecond, decimals: 1))), from prefill \(ROIFormat.number(prefill, decimals: 0)) and decode \(ROIFormat.number(decode, decimals: 0)) tok/s"
    }
}
