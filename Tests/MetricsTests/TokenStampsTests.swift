import Metrics
import Testing

@Suite("token stamps kept in bounded memory")
struct TokenStampsTests {
    @Test("within the limit every stamp is kept and the timing is what the stamps give")
    func withinLimit() {
        let stamps = TokenStamps([1_000, 3_000, 4_000])
        #expect(stamps.kept == [1_000, 3_000, 4_000])
        #expect(stamps.count == 3)
        #expect(stamps.first == 1_000)
        #expect(stamps.last == 4_000)
        #expect(stamps.laterMaxGapNs == 0)
    }

    @Test("past the limit only the first stamps are kept; count, last stamp and largest gap stay exact")
    func pastLimit() {
        let limit = TokenStamps.keptLimit
        var stamps = TokenStamps()
        // 1 ms apart, except one 50 ms gap after the kept stamps.
        var time: UInt64 = 0
        for index in 0..<(limit * 3) {
            time += index == limit * 2 ? 50_000_000 : 1_000_000
            stamps.append(time)
        }
        #expect(stamps.kept.count == limit)
        #expect(stamps.kept.capacity < limit * 2, "the kept stamps do not grow past the limit")
        #expect(stamps.count == limit * 3)
        #expect(stamps.last == time)
        #expect(stamps.laterMaxGapNs == 50_000_000)

        let timing = TokenTiming(start: 0, tokens: stamps, outputTokens: limit * 3)
        #expect(timing.ttftMs == 1)
        #expect(timing.e2eMs == Double(time) / 1e6, "E2E counts from the last event, kept or not")
        #expect(timing.tpotMs == (Double(time) / 1e6 - 1) / Double(limit * 3 - 1))
        #expect(timing.gapsNs.count == limit - 1, "ITL over the kept stamps' gaps")
        #expect(timing.itlP50Ms == 1)
        #expect(timing.itlMaxMs == 50, "the largest gap, wherever it was")
    }
}
