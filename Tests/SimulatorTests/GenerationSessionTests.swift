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
