/// The latency metrics of one streamed response, from its start time and the arrival times of its
/// token-bearing events. repat's definitions (the README states them):
///
/// - TTFT = first token-bearing event − start. A role-only or empty first chunk is not a token.
/// - E2E = last token-bearing event − start (usage-only chunk and end marker excluded).
/// - TPOT = (E2E − TTFT) / (output_tokens − 1), defined when output_tokens > 1 and tokens came in
///   more than one event (a non-streamed body has no per-token timing).
/// - ITL = the gaps between successive token-bearing events.
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
    /// Every inter-token gap, nanoseconds, in arrival order.
    public var gapsNs: [UInt64]

    /// Computes the metrics.
    /// - Parameters:
    ///   - start: monotonic ns at which the request was sent.
    ///   - tokenTimes: monotonic ns of each token-bearing event, in arrival order.
    ///   - outputTokens: output tokens (server's count when known; may exceed the event count when
    ///     servers send several tokens per event).
    public init(start: UInt64, tokenTimes: [UInt64], outputTokens: Int) {
        gapsNs = []
        guard let first = tokenTimes.first, let last = tokenTimes.last else { return }
        let ttft = Self.ms(from: start, to: first)
        let e2e = Self.ms(from: start, to: last)
        ttftMs = ttft
        e2eMs = e2e
        if outputTokens > 1 && tokenTimes.count > 1 {
            tpotMs = (e2e - ttft) / Double(outputTokens - 1)
        }
        guard tokenTimes.count > 1 else { return }
        gapsNs.reserveCapacity(tokenTimes.count - 1)
        for index in 1..<tokenTimes.count {
            let (earlier, later) = (tokenTimes[index - 1], tokenTimes[index])
            gapsNs.append(later >= earlier ? later - earlier : 0)
        }
        let sorted = gapsNs.sorted()
        itlP50Ms = Self.median(sorted)
        itlMaxMs = Double(sorted[sorted.count - 1]) / 1e6
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
