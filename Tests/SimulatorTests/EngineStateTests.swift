import NIOCore
import Testing

@testable import Simulator

@Suite("EngineState admission and prefill model")
struct EngineStateTests {
    private func at(_ ms: Int64) -> NIODeadline { .uptimeNanoseconds(UInt64(ms) * 1_000_000) }

    private func profile(maxNumSeqs: Int) -> EngineProfile {
        var profile = EngineProfile()
        profile.maxNumSeqs = maxNumSeqs
        profile.prefillOverheadMs = 10
        profile.prefillTokensPerSecond = 1000  // 1 ms per token
        profile.decodeBaseMs = 10
        profile.decodePerSeqMs = 2
        return profile
    }

    @Test("concurrent arrivals queue behind each other's prefills")
    func prefillsAreSerialized() {
        var state = EngineState<Int>(profile: profile(maxNumSeqs: 8))
        let (_, first) = state.arrive(promptTokens: 100, now: at(1000), waiter: 0)
        let (_, second) = state.arrive(promptTokens: 50, now: at(1000), waiter: 1)
        guard case .admitted(let firstAt) = first, case .admitted(let secondAt) = second else {
            Issue.record("both should be admitted")
            return
        }
        #expect(firstAt == at(1110))  // 10 ms overhead + 100 tokens
        #expect(secondAt == at(1170))  // starts when the first prefill ends
        #expect(state.runningCount == 2)
    }

    @Test("arrivals beyond maxNumSeqs wait FIFO and are admitted as slots free")
    func queueIsFIFO() {
        var state = EngineState<String>(profile: profile(maxNumSeqs: 1))
        let (a, _) = state.arrive(promptTokens: 0, now: at(0), waiter: "a")
        let (b, arrivalB) = state.arrive(promptTokens: 0, now: at(0), waiter: "b")
        let (_, arrivalC) = state.arrive(promptTokens: 0, now: at(0), waiter: "c")
        guard case .queued = arrivalB, case .queued = arrivalC else {
            Issue.record("b and c should wait")
            return
        }
        #expect(state.waitingCount == 2)
        #expect(state.peakWaiting == 2)
        let admissions = state.leave(a, now: at(500))
        #expect(admissions.map(\.waiter) == ["b"])
        #expect(admissions.first?.id == b)
        #expect(admissions.first?.firstTokenAt == at(510))
        #expect(state.runningCount == 1)
        #expect(state.waitingCount == 1)
    }

    @Test("a queued sequence that leaves is dropped from the queue without taking a slot")
    func leavingWhileQueued() {
        var state = EngineState<Int>(profile: profile(maxNumSeqs: 1))
        let (a, _) = state.arrive(promptTokens: 0, now: at(0), waiter: 0)
        let (b, _) = state.arrive(promptTokens: 0, now: at(0), waiter: 1)
        #expect(state.leave(b, now: at(1)).isEmpty)
        #expect(state.waitingCount == 0)
        #expect(state.leave(a, now: at(2)).isEmpty)
        #expect(state.runningCount == 0)
        #expect(state.leave(a, now: at(3)).isEmpty)  // twice is harmless
    }

    @Test("inter-token latency grows with the number of running sequences")
    func itlGrowsWithLoad() {
        var state = EngineState<Int>(profile: profile(maxNumSeqs: 8))
        _ = state.arrive(promptTokens: 0, now: at(0), waiter: 0)
        #expect(state.interTokenLatency == .milliseconds(10))
        for index in 1..<4 { _ = state.arrive(promptTokens: 0, now: at(0), waiter: index) }
        #expect(state.interTokenLatency == .milliseconds(16))
        #expect(state.peakRunning == 4)
    }
}
