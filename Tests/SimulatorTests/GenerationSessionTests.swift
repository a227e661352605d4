import NIOCore
import NIOPosix
import Synchronization
import Testing

@testable import Simulator

/// When a session flushes: after every token when tokens are paced, once per burst at zero latency.
@Suite("generation session: zero-latency bursts")
struct GenerationSessionTests {
    /// Runs one session of `tokens` tokens on a real event loop; returns each token's flush flag.
    private func flushes(tokens: Int, decodeBaseMs: Double, faults: FaultPlan = FaultPlan()) async throws -> [Bool] {
        var profile = EngineProfile()
        profile.decodeBaseMs = decodeBaseMs
        profile.decodePerSeqMs = 0
        profile.prefillOverheadMs = 0
        profile.prefillTokensPerSecond = 1e15
        let engine = Engine(profile: profile, startedAt: 0)
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let seen = Mutex<[Bool]>([])
        let done = loop.makePromise(of: Void.self)
        try await loop.submit {
            let session = GenerationSession(
                engine: engine, eventLoop: loop,
                sampler: OutputSampler(maxTokens: tokens, minTokens: 0, ignoreEOS: true, eosProbability: 0, seed: 1),
                faults: faults,
                onToken: { _, _, flush in seen.withLock { $0.append(flush) } },
                onFinish: { _ in done.succeed() })
            session.start(promptTokens: 4)
        }.get()
        try await done.futureResult.get()
        return seen.withLock { $0 }
    }

    @Test("at zero inter-token latency tokens go out in bursts of 64 with one flush each, the last token flushed")
    func zeroLatencyBursts() async throws {
        let flags = try await flushes(tokens: 150, decodeBaseMs: 0)
        #expect(flags.count == 150)
        let flushedAt = flags.indices.filter { flags[$0] }
        #expect(flushedAt == [63, 127, 149])
    }

    /// Two zero-latency sessions of 400 tokens sharing a KV cache of `capacity` tokens; returns
    /// how often one wrote a token while the other held unflushed tokens (the loop ran it in
    /// between), the tokens each wrote, and the engine's preemptions.
    private func twoSessions(capacity: Int) async throws -> (violations: Int, tokens: [Int], preemptions: Int) {
        var profile = EngineProfile()
        profile.decodeBaseMs = 0
        profile.decodePerSeqMs = 0
        profile.prefillOverheadMs = 0
        profile.prefillTokensPerSecond = 1e15
        profile.kvCacheTokens = capacity
        let engine = Engine(profile: profile, startedAt: 0)
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let state = Mutex<(unflushed: [Int], violations: Int, tokens: [Int], finished: Int)>(([0, 0], 0, [0, 0], 0))
        let done = loop.makePromise(of: Void.self)
        try await loop.submit {
            for session in 0..<2 {
                let other = 1 - session
                let generation = GenerationSession(
                    engine: engine, eventLoop: loop,
                    sampler: OutputSampler(maxTokens: 400, minTokens: 0, ignoreEOS: true, eosProbability: 0, seed: UInt64(session)),
                    onToken: { _, _, flush in
                        state.withLock {
                            if $0.unflushed[other] > 0 { $0.violations += 1 }
                            $0.tokens[session] += 1
                            $0.unflushed[session] = flush ? 0 : $0.unflushed[session] + 1
                        }
                    },
                    onFinish: { _ in
                        let all = state.withLock { $0.finished += 1; return $0.finished == 2 }
                        if all { done.succeed() }
                    },
                    onFlush: { state.withLock { $0.unflushed[session] = 0 } })
                generation.start(promptTokens: 10)
            }
        }.get()
        try await done.futureResult.get()
        let final = state.withLock { $0 }
        return (final.violations, final.tokens, engine.statistics.preemptions)
    }

    @Test("no session yields the loop with unflushed tokens, preemptions mid-burst included")
    func preemptionFlushes() async throws {
        // The sessions alternate bursts of 64; across these capacities the cache fills at every
        // point of a burst, of either session (e.g. 232: 20 tokens into the second session's
        // second burst, which preempts itself mid-burst).
        var preemptions = 0
        for capacity in stride(from: 200, through: 330, by: 3) {
            let run = try await twoSessions(capacity: capacity)
            #expect(run.tokens == [400, 400], "capacity \(capacity)")
            #expect(run.violations == 0, "capacity \(capacity): \(run.violations) tokens written while the other session held unflushed ones")
            preemptions += run.preemptions
        }
        #expect(preemptions > 0, "the test needs preemptions to mean anything")
    }

    @Test("paced tokens are each flushed")
    func pacedTokensFlushEach() async throws {
        let flags = try await flushes(tokens: 5, decodeBaseMs: 1)
        #expect(flags == Array(repeating: true, count: 5))
    }

    @Test("a stall inside a burst ends the burst before it, flushed, and the pause is kept")
    func stallEndsBurst() async throws {
        var faults = FaultPlan()
        faults.stall = FaultPlan.Stall(afterTokens: 10, duration: .milliseconds(50))
        let start = ContinuousClock.now
        let flags = try await flushes(tokens: 20, decodeBaseMs: 0, faults: faults)
        let elapsed = ContinuousClock.now - start
        #expect(flags.indices.filter { flags[$0] } == [9, 19])
        #expect(elapsed >= .milliseconds(50))
    }
}
