import NIOCore
import Testing

@testable import Simulator

@Suite("EngineState admission and prefill model")
struct EngineStateTests {
    private func at(_ ms: Int64) -> NIODeadline { .uptimeNanoseconds(UInt64(ms) * 1_000_000) }

    private func profile(maxNumSeqs: Int, kvCacheTokens: Int = 1_000_000) -> EngineProfile {
        var profile = EngineProfile()
        profile.maxNumSeqs = maxNumSeqs
        profile.kvCacheTokens = kvCacheTokens
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

    @Test("each produced token takes a KV slot, and the step reports the count and the next latency")
    func stepsFillTheCache() {
        var state = EngineState<Int>(profile: profile(maxNumSeqs: 8, kvCacheTokens: 100))
        let (a, _) = state.arrive(promptTokens: 10, now: at(0), waiter: 0)
        #expect(state.cachedTokens == 10)
        #expect(state.step(a, now: at(20)) == .token(generated: 1, interTokenLatency: .milliseconds(10)))
        #expect(state.step(a, now: at(30)) == .token(generated: 2, interTokenLatency: .milliseconds(10)))
        #expect(state.cachedTokens == 12)
        #expect(state.cacheUsage == 0.12)
        _ = state.leave(a, now: at(40))
        #expect(state.cachedTokens == 0)
    }

    @Test("a queue head waits until its prompt fits in the KV cache, and later arrivals wait behind it")
    func admissionNeedsCacheRoom() {
        var state = EngineState<String>(profile: profile(maxNumSeqs: 8, kvCacheTokens: 100))
        let (a, _) = state.arrive(promptTokens: 60, now: at(0), waiter: "a")
        let (_, b) = state.arrive(promptTokens: 50, now: at(0), waiter: "b")
        let (_, c) = state.arrive(promptTokens: 1, now: at(0), waiter: "c")
        guard case .queued = b, case .queued = c else {
            Issue.record("b does not fit and c must not overtake it")
            return
        }
        let admissions = state.leave(a, now: at(100))
        #expect(admissions.map(\.waiter) == ["b", "c"])
        #expect(state.cachedTokens == 51)
    }

    @Test("a prompt larger than the whole cache still runs when nothing else does")
    func oversizedPromptRunsAlone() {
        var state = EngineState<Int>(profile: profile(maxNumSeqs: 8, kvCacheTokens: 10))
        let (a, arrival) = state.arrive(promptTokens: 50, now: at(0), waiter: 0)
        guard case .admitted = arrival else {
            Issue.record("an idle engine admits any prompt")
            return
        }
        #expect(state.cacheUsage == 1)
        #expect(state.step(a, now: at(100)) == .token(generated: 1, interTokenLatency: .milliseconds(10)))
        #expect(state.preemptions == 0)  // alone: never preempted
    }

    @Test("a step that overflows the cache preempts the latest-admitted sequence, which is re-prefilled later")
    func preemptsLatest() {
        var state = EngineState<String>(profile: profile(maxNumSeqs: 8, kvCacheTokens: 22))
        let (a, _) = state.arrive(promptTokens: 10, now: at(0), waiter: "a")
        let (b, _) = state.arrive(promptTokens: 10, now: at(0), waiter: "b")
        #expect(state.step(b, now: at(100)) == .token(generated: 1, interTokenLatency: .milliseconds(12)))
        #expect(state.step(a, now: at(100)) == .token(generated: 1, interTokenLatency: .milliseconds(12)))
        // The cache is full (22): a's next token preempts b, admitted after a.
        #expect(state.step(a, now: at(110)) == .token(generated: 2, interTokenLatency: .milliseconds(10)))
        #expect(state.preemptions == 1)
        #expect(state.runningCount == 1)
        #expect(state.waitingCount == 1)
        #expect(state.cachedTokens == 12)
        // b learns of it at its next step, so its re-admission is announced to its waiter.
        #expect(state.step(b, now: at(112)) == .preempted)
        let admissions = state.leave(a, now: at(200))
        #expect(admissions.map(\.waiter) == ["b"])
        // The re-prefill covers the prompt and the token b had generated: 10 ms + 11 tokens.
        #expect(admissions.first?.firstTokenAt == at(221))
        #expect(state.cachedTokens == 11)
        #expect(state.step(b, now: at(221)) == .token(generated: 2, interTokenLatency: .milliseconds(10)))
    }

    @Test("a sequence re-admitted before it saw its preemption resumes at its new prefill's end, unannounced")
    func resumesUnannounced() {
        var state = EngineState<String>(profile: profile(maxNumSeqs: 8, kvCacheTokens: 21))
        let (a, _) = state.arrive(promptTokens: 10, now: at(0), waiter: "a")
        let (b, _) = state.arrive(promptTokens: 10, now: at(0), waiter: "b")
        _ = state.step(a, now: at(100))
        _ = state.step(a, now: at(110))  // preempts b
        #expect(state.preemptions == 1)
        #expect(state.leave(a, now: at(120)).isEmpty)  // b is admitted again, but not told
        #expect(state.step(b, now: at(125)) == .resumed(at: at(140)))
        #expect(state.step(b, now: at(140)) == .token(generated: 1, interTokenLatency: .milliseconds(10)))
    }

    @Test("the stepping sequence itself is preempted when it is the latest admitted")
    func preemptsItself() {
        var state = EngineState<String>(profile: profile(maxNumSeqs: 8, kvCacheTokens: 20))
        let (a, _) = state.arrive(promptTokens: 10, now: at(0), waiter: "a")
        let (b, _) = state.arrive(promptTokens: 10, now: at(0), waiter: "b")
        #expect(state.step(b, now: at(100)) == .preempted)
        #expect(state.step(a, now: at(100)) == .token(generated: 1, interTokenLatency: .milliseconds(10)))
        #expect(state.leave(a, now: at(120)).map(\.waiter) == ["b"])
    }
}

@Suite("prefix cache model")
struct PrefixCacheTests {
    private func body(_ words: [String]) -> [UInt8] {
        Array(("{\"messages\":[{\"role\":\"user\",\"content\":\"" + words.joined(separator: " ") + "\"}],\"max_tokens\":4}").utf8)
    }

    @Test("blocks are 16 words chained: a shared beginning gives equal leading hashes, then they part")
    func chainedBlocks() {
        let common = (0..<40).map { "w\($0)" }
        let a = PrefixCache.blocks(of: body(common + ["x", "y"]))
        let b = PrefixCache.blocks(of: body(common + ["p", "q"]))
        #expect(a.count == 2 && b.count == 2, "42 words and the JSON framing make two full blocks")
        #expect(a == b, "the first 32 words are common")
        let c = PrefixCache.blocks(of: body(["other"] + common))
        #expect(c[0] != a[0] && c[1] != a[1], "a hash depends on everything before it")
    }

    @Test("a lookup counts the leading cached blocks' tokens and stores the rest; eviction keeps the capacity")
    func lookups() {
        var cache = PrefixCache(capacity: 8)
        #expect(cache.hit([1, 2, 3]) == 0)
        #expect(cache.hit([1, 2, 4]) == 32, "two leading blocks of 16 words")
        #expect(cache.hit([9, 2, 3]) == 0, "only leading blocks count")
        for block in 10..<20 { _ = cache.hit([UInt64(block)]) }
        #expect(cache.hit([1]) == 0, "the oldest blocks were evicted")
    }
}
