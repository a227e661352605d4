/// The latency metrics of one streamed response, from its start time and the arrival times of its
/// token-bearing events. repat's definitions (the README states them):
///
/// - TTFT = first token-bearing event − start. A role-only or empty first chunk is not a token.
/// - E2E = last token-bearing event − start (usage-only chunk and end marker excluded).
/// - TPOT = (E2E − TTFT) / (output_tokens − 1), defined when output_tokens > 1 and tokens came in
///   more than one event (a non-streamed body has no per-token timing).
/// - ITL = the gaps between successive token-bearing events (see ``TokenStamps`` for a response
///   of more than 131,072 events).
public struct TokenTiming: Sendable, Equatable {
    /// Time to first token, ms.
    public var ttftMs: Double?
    /// End-to-end latency to the last token, ms.
    public var e2eMs: Double?
    /// Time per output token after the first, ms.
    public var tpotMs: Double?
    /// Median inter-token gap, ms.
    public var itlP50Ms: Double?
    /// Largest inter-token gap, ms.
    public var itlMaxMs: Double?
    /// The inter-token gaps, nanoseconds, in arrival order: every gap, or the first
    /// ``TokenStamps/keptLimit`` − 1 of a response with more events than that.
    public var gapsNs: [UInt64]

    /// Computes the metrics.
    /// - Parameters:
    ///   - start: monotonic ns at which the request was sent.
    ///   - tokens: the arrival times of the token-bearing events.
    ///   - outputTokens: output tokens (server's count when known; may exceed the event count when
    ///     servers send several tokens per event).
    public init(start: UInt64, tokens: TokenStamps, outputTokens: Int) {
        gapsNs = []
        guard let first = tokens.first, let last = tokens.last else { return }
        let ttft = Self.ms(from: start, to: first)
        let e2e = Self.ms(from: start, to: last)
        ttftMs = ttft
        e2eMs = e2e
        if outputTokens > 1 && tokens.count > 1 {
            tpotMs = (e2e - ttft) / Double(outputTokens - 1)
        }
        guard tokens.count > 1 else { return }
        let times = tokens.kept
        gapsNs.reserveCapacity(times.count - 1)
        for index in times.indices.dropFirst() {
            let (earlier, later) = (times[index - 1], times[index])
            gapsNs.append(later >= earlier ? later - earlier : 0)
        }
        // Events past the kept ones leave no gap here, but the largest of theirs is known.
        let sorted = gapsNs.sorted()
        itlP50Ms = Self.median(sorted)
        itlMaxMs = Double(max(sorted[sorted.count - 1], tokens.laterMaxGapNs)) / 1e6
    }

    /// Milliseconds between two monotonic ns stamps (0 if `end` precedes `start`).
    public static func ms(from start: UInt64, to end: UInt64) -> Double {
        end >= start ? Double(end - start) / 1e6 : 0
    }

    /// The median of sorted ns values, in ms (mean of the middle two for an even count).
    static func median(_ sorted: [UInt64]) -> Double {
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return Double(sorted[middle]) / 1e6 }
        return (Double(sorted[middle - 1]) + Double(sorted[middle])) / 2e6
    }
}
