import Metrics
import Testing

/// Monotonic ns of the request's start in these cases.
private let start: UInt64 = 5_000_000_000

/// Token event times given as ms after `start`.
private func times(_ ms: [Double]) -> [UInt64] {
    ms.map { start + UInt64($0 * 1_000_000) }
}

@Suite("Token timing")
struct TokenTimingTests {
    @Test("TTFT, E2E, TPOT and ITL follow their definitions on a hand-computed stream")
    func handComputed() {
        // Tokens at 100, 150, 170, 250 ms: gaps 50, 20, 80.
        let timing = TokenTiming(start: start, tokens: TokenStamps(times([100, 150, 170, 250])), outputTokens: 4)
        #expect(timing.ttftMs == 100)
        #expect(timing.e2eMs == 250)
        #expect(timing.tpotMs == 50)  // (250 − 100) / 3
        #expect(timing.gapsNs == [50_000_000, 20_000_000, 80_000_000])
        #expect(timing.itlP50Ms == 50)
        #expect(timing.itlMaxMs == 80)
    }

    @Test("the ITL median of an even number of gaps is the mean of the middle two")
    func evenMedian() {
        // Gaps 10, 30, 60, 100 ms.
        let timing = TokenTiming(start: start, tokens: TokenStamps(times([100, 110, 140, 200, 300])), outputTokens: 5)
        #expect(timing.itlP50Ms == 45)
        #expect(timing.itlMaxMs == 100)
        #expect(timing.tpotMs == 50)  // (300 − 100) / 4
    }

    @Test("the ITL median of an odd number of gaps is the middle gap, whatever the arrival order")
    func oddMedian() {
        // Gaps 70, 5, 20 ms: sorted 5, 20, 70.
        let timing = TokenTiming(start: start, tokens: TokenStamps(times([10, 80, 85, 105])), outputTokens: 4)
        #expect(timing.itlP50Ms == 20)
        #expect(timing.itlMaxMs == 70)
    }

    @Test("one token gives TTFT = E2E and no TPOT or ITL")
    func singleToken() {
        let timing = TokenTiming(start: start, tokens: TokenStamps(times([42])), outputTokens: 1)
        #expect(timing.ttftMs == 42)
        #expect(timing.e2eMs == 42)
        #expect(timing.tpotMs == nil)
        #expect(timing.itlP50Ms == nil)
        #expect(timing.itlMaxMs == nil)
        #expect(timing.gapsNs.isEmpty)
    }

    @Test("a usage count larger than the event count divides by tokens, not events")
    func usageExceedsEvents() {
        // Three events carrying 11 tokens in all.
        let timing = TokenTiming(start: start, tokens: TokenStamps(times([100, 200, 300])), outputTokens: 11)
        #expect(timing.ttftMs == 100)
        #expect(timing.e2eMs == 300)
        #expect(timing.tpotMs == 20)  // (300 − 100) / 10
        #expect(timing.gapsNs.count == 2)
        #expect(timing.itlP50Ms == 100)
    }

    @Test("no token events gives every metric nil")
    func empty() {
        let timing = TokenTiming(start: start, tokens: TokenStamps([]), outputTokens: 0)
        #expect(timing == TokenTiming(start: 0, tokens: TokenStamps([]), outputTokens: 7))
        #expect(timing.ttftMs == nil)
        #expect(timing.e2eMs == nil)
        #expect(timing.tpotMs == nil)
        #expect(timing.itlP50Ms == nil)
        #expect(timing.itlMaxMs == nil)
        #expect(timing.gapsNs.isEmpty)
    }

    @Test("sub-millisecond times keep nanosecond precision")
    func precision() {
        let timing = TokenTiming(start: start, tokens: TokenStamps([start + 1_234_567, start + 1_334_567]), outputTokens: 2)
        #expect(timing.ttftMs == 1.234567)
        #expect(timing.e2eMs == 1.334567)
        #expect(timing.gapsNs == [100_000])
    }

    @Test("an end before the start counts as zero rather than wrapping")
    func clockOrder() {
        #expect(TokenTiming.ms(from: 2_000_000, to: 1_000_000) == 0)
        #expect(TokenTiming.ms(from: 1_000_000, to: 3_500_000) == 2.5)
    }

    @Test("a whole response in one event (non-streamed) has no TPOT, whatever the token count")
    func singleEventManyTokens() {
        let timing = TokenTiming(start: start, tokens: TokenStamps(times([500])), outputTokens: 40)
        #expect(timing.e2eMs == 500)
        #expect(timing.tpotMs == nil)
    }
}
