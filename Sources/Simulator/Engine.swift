import NIOConcurrencyHelpers
import NIOCore
import RepatSupport

/// The simulated engine shared by every connection of one server, whatever its dialect: the
/// ``EngineState`` machine behind a lock, the seeded per-arrival decisions (injected faults,
/// output seeds), the counters `/metrics` exposes, and how long the model stays resident.
///
/// Callers on any event loop may use it. Admission callbacks are invoked after the lock is
/// released, on the thread of whoever freed the slot; they must hop to their own event loop.
final class Engine: Sendable {
    /// Told, on an arbitrary thread, that a queued sequence was admitted; its argument is when its
    /// first token is due.
    typealias AdmissionCallback = @Sendable (NIODeadline) -> Void

    /// The seeded decisions made for one arrival before it is queued.
    struct ArrivalTicket: Sendable {
        /// 0 for the first request the server saw, then 1, 2, …
        var ordinal: UInt64
        /// The faults this request will suffer (an injected 500 among them).
        var faults: FaultPlan
    }

    /// Identifies a sequence for its life in the engine.
    typealias SequenceID = EngineState<AdmissionCallback>.SequenceID
    /// What happened to an arrival.
    typealias Arrival = EngineState<AdmissionCallback>.Arrival
    /// The engine's answer when a sequence's token is due.
    typealias Step = EngineState<AdmissionCallback>.Step

    /// What the engine remembers of a sequence it holds, for its counters.
    private struct Live: Sendable {
        var arrivedAt: NIODeadline
        var promptTokens: Int
    }

    private struct Core: Sendable {
        var state: EngineState<AdmissionCallback>
        var arrivals: UInt64 = 0
        var served = 0
        var errorsInjected = 0
        var faultsInjected = 0
        var live: [SequenceID: Live] = [:]
        var counters = ServingCounters()
        var prefixCache: PrefixCache
        var residency: ModelResidency
        var retrievalQueue: BatchQueue
    }

    /// The profile the engine was built from; never changes.
    let profile: EngineProfile
    /// Where ground-truth stamps are logged, when the profile asks for a log.
    let groundTruthLog: GroundTruthLog?
    private let core: NIOLockedValueBox<Core>

    /// An idle engine modelled on `profile`, its model resident from `startedAt` (Unix seconds).
    init(profile: EngineProfile, startedAt: Double) {
        self.profile = profile
        groundTruthLog = profile.groundTruth.enabled ? profile.groundTruth.logPath.flatMap(GroundTruthLog.init(path:)) : nil
        self.core = NIOLockedValueBox(
            Core(
                state: EngineState(profile: profile), prefixCache: PrefixCache(capacity: profile.prefixCacheBlocks),
                residency: ModelResidency(loadedAt: startedAt), retrievalQueue: BatchQueue(slots: profile.maxNumSeqs)))
    }

    /// Numbers a new request and decides (seeded by profile seed and ordinal) its faults.
    func registerArrival() -> ArrivalTicket {
        let ordinal = core.withLockedValue { core in
            defer { core.arrivals += 1 }
            return core.arrivals
        }
        let faults = FaultPlan(profile: profile, ordinal: ordinal)
        if faults.rejection == .serverError {
            core.withLockedValue { $0.errorsInjected += 1 }
        } else if faults.injectsFault {
            core.withLockedValue { $0.faultsInjected += 1 }
        }
        return ArrivalTicket(ordinal: ordinal, faults: faults)
    }

    /// The seed of a request's output: from its own `seed` field when it has one, else from its
    /// arrival ordinal; mixed with the profile's seed either way.
    func outputSeed(requestSeed: UInt64?, ordinal: UInt64) -> UInt64 {
        if let requestSeed {
            return SeededGenerator.derive(profile.seed, Purpose.requestSeed, requestSeed)
        }
        return SeededGenerator.derive(profile.seed, Purpose.ordinalSeed, ordinal)
    }

    /// Seed for the response id of the request with `ordinal`.
    func idSeed(ordinal: UInt64) -> UInt64 {
        SeededGenerator.derive(profile.seed, Purpose.responseID, ordinal)
    }

    /// A sequence arrives now; if it has to wait, `onAdmit` is called when it is admitted (also
    /// when it is admitted again after a preemption it has seen, see ``step(_:)``).
    /// `promptBlocks` (empty without prefix caching) are looked up in the prefix cache: the tokens of
    /// the leading blocks found are not prefilled, and count as hits in `/metrics`.
    func arrive(promptTokens: Int, promptBlocks: [UInt64] = [], onAdmit: @escaping AdmissionCallback) -> (SequenceID, Arrival) {
        let now = NIODeadline.now()
        return core.withLockedValue { core in
            let reused = promptBlocks.isEmpty ? 0 : min(promptTokens, core.prefixCache.hit(promptBlocks))
            if !promptBlocks.isEmpty { core.counters.recordPrefixLookup(queried: promptTokens, hit: reused) }
            let (id, arrival) = core.state.arrive(promptTokens: promptTokens, reusedTokens: reused, now: now, waiter: onAdmit)
            core.live[id] = Live(arrivedAt: now, promptTokens: promptTokens)
            return (id, arrival)
        }
    }

    /// Sequence `id`'s next token is due now: the engine produces it (and counts it) or says the
    /// sequence was preempted; see ``EngineState/step(_:now:)``.
    func step(_ id: SequenceID) -> Step {
        let now = NIODeadline.now()
        return core.withLockedValue { core in
            let step = core.state.step(id, now: now)
            if case .token(let generated, _) = step, let live = core.live[id] {
                core.counters.recordToken(
                    isFirst: generated == 1, promptTokens: live.promptTokens,
                    secondsSinceArrival: Self.seconds(from: live.arrivedAt, to: now))
            }
            return step
        }
    }

    /// Sequence `id` leaves now, finished or abandoned by its client; queued sequences that get
    /// its slot are told after the lock is released. Safe to call for a sequence still queued.
    func leave(_ id: SequenceID, _ end: SequenceEnd) {
        let now = NIODeadline.now()
        let admissions = core.withLockedValue { core in
            if case .finished = end { core.served += 1 }
            if let live = core.live.removeValue(forKey: id) {
                core.counters.recordEnd(end, secondsSinceArrival: Self.seconds(from: live.arrivedAt, to: now))
            }
            return core.state.leave(id, now: now)
        }
        for admission in admissions {
            admission.waiter(admission.firstTokenAt)
        }
    }

    /// An embedding or rerank request needing `serviceNs` arrives now: when it will be done, on
    /// its own slots (``BatchQueue``), counted as served.
    func admitRetrieval(serviceNs: UInt64) -> NIODeadline {
        let now = NIODeadline.now()
        return core.withLockedValue { core in
            core.served += 1
            let (_, finish) = core.retrievalQueue.admit(now: now.uptimeNanoseconds, serviceNs: serviceNs)
            return NIODeadline.uptimeNanoseconds(finish)
        }
    }

    /// Notes that the model served a request at `unixSeconds`, to stay resident for `keepAlive`
    /// afterwards (Ollama's `keep_alive`).
    func touchModel(at unixSeconds: Double, keepAlive: KeepAlive) {
        core.withLockedValue { $0.residency.touch(at: unixSeconds, keepAlive: keepAlive) }
    }

    /// When the model is due to leave memory, as Unix seconds; nil when it stays forever.
    var modelExpiry: Double? {
        core.withLockedValue { $0.residency.expiresAt }
    }

    /// The running, waiting and cache figures and the counters, at this instant.
    var snapshot: EngineSnapshot {
        core.withLockedValue { core in
            EngineSnapshot(
                running: core.state.runningCount, waiting: core.state.waitingCount,
                cacheUsage: core.state.cacheUsage, preemptions: core.state.preemptions, counters: core.counters)
        }
    }

    /// A snapshot of the counters.
    var statistics: SimulatorStatistics {
        core.withLockedValue { core in
            SimulatorStatistics(
                requestsServed: core.served,
                errorsInjected: core.errorsInjected,
                faultsInjected: core.faultsInjected,
                peakRunning: core.state.peakRunning,
                peakWaiting: core.state.peakWaiting,
                running: core.state.runningCount,
                waiting: core.state.waitingCount,
                preemptions: core.state.preemptions
            )
        }
    }

    private static func seconds(from start: NIODeadline, to end: NIODeadline) -> Double {
        Double((end - start).nanoseconds) / 1e9
    }

    /// Tags that keep the seeded streams for different decisions independent (``FaultPlan``
    /// uses 1 and 101…).
    private enum Purpose {
        static let requestSeed: UInt64 = 2
        static let ordinalSeed: UInt64 = 3
        static let responseID: UInt64 = 4
    }
}
