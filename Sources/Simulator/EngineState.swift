import NIOCore

/// The continuous-batching engine as a value-type state machine: which sequences run, which
/// wait, and when the shared prefill unit is next free. It does no I/O and reads no clock; the
/// caller passes `now`, holds it behind a lock, and performs the returned actions after unlocking.
///
/// Model: an arrival is admitted while fewer than `maxNumSeqs` sequences run, else it waits in a
/// FIFO queue. An admitted sequence's prefill takes `overhead + promptTokens / rate` and starts at
/// `max(now, prefillBusyUntil)`, so prefills are serialized; its first token is due when the prefill
/// ends. A sequence counts as running from admission until it leaves.
struct EngineState<Waiter> {
    /// Identifies one sequence for its whole life in the engine.
    typealias SequenceID = UInt64

    /// What happened to an arrival.
    enum Arrival {
        /// Admitted at once; its first token is due at `firstTokenAt`.
        case admitted(firstTokenAt: NIODeadline)
        /// Waiting in the queue; `waiter` will come back in an ``Admission`` when it is admitted.
        case queued
    }

    /// A queued sequence that has just been admitted: the caller tells `waiter` after unlocking.
    struct Admission {
        /// The admitted sequence.
        var id: SequenceID
        /// What the caller gave when the sequence arrived.
        var waiter: Waiter
        /// When its first token is due (end of its prefill).
        var firstTokenAt: NIODeadline
    }

    fileprivate struct Queued {
        var id: SequenceID
        var promptTokens: Int
        var waiter: Waiter
    }

    private let maxNumSeqs: Int
    private let prefillOverheadNanos: Double
    private let prefillNanosPerToken: Double
    private let decodeBaseNanos: Double
    private let decodePerSeqNanos: Double

    private var running: Set<SequenceID> = []
    private var waiting = CircularBuffer<Queued>()
    /// When the shared prefill unit finishes its last scheduled prefill.
    private var prefillBusyUntil = NIODeadline.uptimeNanoseconds(0)
    private var nextID: SequenceID = 0

    /// Most sequences ever running at once.
    private(set) var peakRunning = 0
    /// Most sequences ever waiting at once.
    private(set) var peakWaiting = 0

    /// Sequences running now (prefilling or decoding).
    var runningCount: Int { running.count }
    /// Sequences waiting for a slot now.
    var waitingCount: Int { waiting.count }

    /// An idle engine with the timing parameters of `profile`.
    init(profile: EngineProfile) {
        maxNumSeqs = max(1, profile.maxNumSeqs)
        prefillOverheadNanos = profile.prefillOverheadMs * 1_000_000
        prefillNanosPerToken = 1_000_000_000 / profile.prefillTokensPerSecond
        decodeBaseNanos = profile.decodeBaseMs * 1_000_000
        decodePerSeqNanos = profile.decodePerSeqMs * 1_000_000
    }

    /// Inter-token latency for the next decode step at the current load:
    /// `decodeBase + decodePerSeq × (running − 1)`.
    var interTokenLatency: TimeAmount {
        let others = Double(max(0, running.count - 1))
        return .nanoseconds(Int64(decodeBaseNanos + decodePerSeqNanos * others))
    }

    /// A request arrives with `promptTokens` prompt tokens at `now`.
    mutating func arrive(promptTokens: Int, now: NIODeadline, waiter: Waiter) -> (SequenceID, Arrival) {
        let id = nextID
        nextID += 1
        if running.count < maxNumSeqs {
            return (id, .admitted(firstTokenAt: admit(id, promptTokens: promptTokens, now: now)))
        }
        waiting.append(Queued(id: id, promptTokens: promptTokens, waiter: waiter))
        peakWaiting = max(peakWaiting, waiting.count)
        return (id, .queued)
    }

    /// Sequence `id` leaves at `now`: it finished, or its client went away (while running or
    /// while queued). Freed slots admit the head of the queue; the returned admissions are to be
    /// delivered by the caller. Leaving twice, or with an unknown id, does nothing.
    mutating func leave(_ id: SequenceID, now: NIODeadline) -> [Admission] {
        if running.remove(id) == nil {
            if let index = waiting.firstIndex(where: { $0.id == id }) {
                waiting.remove(at: index)
            }
            return []
        }
        var admissions: [Admission] = []
        while running.count < maxNumSeqs, let next = waiting.popFirst() {
            let firstTokenAt = admit(next.id, promptTokens: next.promptTokens, now: now)
            admissions.append(Admission(id: next.id, waiter: next.waiter, firstTokenAt: firstTokenAt))
        }
        return admissions
    }

    /// Marks `id` running and books its prefill on the shared unit; returns when it ends.
    private mutating func admit(_ id: SequenceID, promptTokens: Int, now: NIODeadline) -> NIODeadline {
        running.insert(id)
        peakRunning = max(peakRunning, running.count)
        let start = max(now, prefillBusyUntil)
        let prefillNanos = prefillOverheadNanos + prefillNanosPerToken * Double(promptTokens)
        let end = start + .nanoseconds(Int64(prefillNanos))
        prefillBusyUntil = end
        return end
    }
}

extension EngineState: Sendable where Waiter: Sendable {}
extension EngineState.Admission: Sendable where Waiter: Sendable {}
extension EngineState.Queued: Sendable where Waiter: Sendable {}
