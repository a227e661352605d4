import NIOConcurrencyHelpers
import NIOCore

/// The simulated engine shared by every connection of one server: the ``EngineState`` machine
/// behind a lock, plus the seeded per-arrival decisions (injected faults, output seeds).
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

    private struct Core: Sendable {
        var state: EngineState<AdmissionCallback>
        var arrivals: UInt64 = 0
        var served = 0
        var errorsInjected = 0
        var faultsInjected = 0
    }

    /// The profile the engine was built from; never changes.
    let profile: EngineProfile
    private let core: NIOLockedValueBox<Core>

    /// An idle engine modelled on `profile`.
    init(profile: EngineProfile) {
        self.profile = profile
        self.core = NIOLockedValueBox(Core(state: EngineState(profile: profile)))
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
            return SplitMix64.derive(profile.seed, Purpose.requestSeed, requestSeed)
        }
        return SplitMix64.derive(profile.seed, Purpose.ordinalSeed, ordinal)
    }

    /// Seed for the response id of the request with `ordinal`.
    func idSeed(ordinal: UInt64) -> UInt64 {
        SplitMix64.derive(profile.seed, Purpose.responseID, ordinal)
    }

    /// A sequence arrives now; if it has to wait, `onAdmit` is called when it is admitted.
    func arrive(
        promptTokens: Int, onAdmit: @escaping AdmissionCallback
    ) -> (EngineState<AdmissionCallback>.SequenceID, EngineState<AdmissionCallback>.Arrival) {
        let now = NIODeadline.now()
        return core.withLockedValue { $0.state.arrive(promptTokens: promptTokens, now: now, waiter: onAdmit) }
    }

    /// Sequence `id` leaves now, `completed` or abandoned by its client; queued sequences that get
    /// its slot are told after the lock is released. Safe to call for a sequence still queued.
    func leave(_ id: EngineState<AdmissionCallback>.SequenceID, completed: Bool) {
        let now = NIODeadline.now()
        let admissions = core.withLockedValue { core in
            if completed { core.served += 1 }
            return core.state.leave(id, now: now)
        }
        for admission in admissions {
            admission.waiter(admission.firstTokenAt)
        }
    }

    /// Inter-token latency of the next decode step at the current load.
    var interTokenLatency: TimeAmount {
        core.withLockedValue { $0.state.interTokenLatency }
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
                waiting: core.state.waitingCount
            )
        }
    }

    /// Tags that keep the seeded streams for different decisions independent (``FaultPlan``
    /// uses 1 and 101…).
    private enum Purpose {
        static let requestSeed: UInt64 = 2
        static let ordinalSeed: UInt64 = 3
        static let responseID: UInt64 = 4
    }
}
