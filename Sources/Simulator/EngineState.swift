import NIOCore

/// The continuous-batching engine as a value-type state machine: which sequences run, which
/// wait, how much KV cache they hold, and when the shared prefill unit is next free. It does no
/// I/O and reads no clock; the caller passes `now`, holds it behind a lock, and performs the
/// returned actions after unlocking.
///
/// Model: an arrival is admitted when nobody is queued ahead of it, fewer than `maxNumSeqs`
/// sequences run, and its prompt fits in the free KV cache; else it waits in a FIFO queue. An
/// admitted sequence's prefill takes `overhead + tokens / rate` and starts at
/// `max(now, prefillBusyUntil)`, so prefills are serialized; its first token is due when the
/// prefill ends. A sequence counts as running from admission until it leaves, and holds one KV
/// slot per prompt token and per generated token.
///
/// Preemption, as vLLM's recompute policy does it: when a decode step needs a KV slot and the
/// cache is full, the most recently admitted sequence is preempted (possibly the one stepping):
/// it frees its slots and goes back to the head of the queue, to be re-prefilled (prompt plus
/// what it had generated) when it fits again. A sequence running alone is never preempted, and a
/// queue head runs when nothing else does even if it is larger than the cache.
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
        /// When its next token is due (end of its prefill).
        var firstTokenAt: NIODeadline
    }

    /// The engine's answer when a sequence's next token is due (see ``step(_:now:)``).
    enum Step: Equatable {
        /// The token is produced; it is the sequence's `generated`-th, and the next one is due
        /// `interTokenLatency` after this one was.
        case token(generated: Int, interTokenLatency: TimeAmount)
        /// The sequence was preempted: no token now. It waits in the queue, and its waiter gets
        /// an ``Admission`` when it runs again.
        case preempted
        /// The sequence was preempted and has already been re-admitted: no token now; the token
        /// is due at `at`, the end of its new prefill.
        case resumed(at: NIODeadline)
    }

    fileprivate struct Running {
        var promptTokens: Int
        var generated: Int
        /// Admission order; the largest is preempted first.
        var order: UInt64
        var waiter: Waiter
        /// Set when the sequence was re-admitted after a preemption it has not yet seen.
        var resumeAt: NIODeadline?

        var cachedTokens: Int { promptTokens + generated }
    }

    fileprivate struct Queued {
        var id: SequenceID
        var promptTokens: Int
        /// Leading prompt tokens found in the prefix cache: not prefilled (0 after a preemption,
        /// which recomputes everything).
        var reusedTokens = 0
        /// Tokens generated before a preemption; they are prefilled again with the prompt.
        var generated: Int
        var waiter: Waiter
        /// False while a preemption is unseen by its sequence: its next ``step(_:now:)`` learns
        /// of it (and turns this on), so an admission before then is not announced.
        var announcesAdmission: Bool

        var cachedTokens: Int { promptTokens + generated }
    }

    private let maxNumSeqs: Int
    private let kvCapacity: Int
    private let prefillOverheadNanos: Double
    private let prefillNanosPerToken: Double
    private let decodeBaseNanos: Double
    private let decodePerSeqNanos: Double

    private var running: [SequenceID: Running] = [:]
    private var waiting = CircularBuffer<Queued>()
    /// When the shared prefill unit finishes its last scheduled prefill.
    private var prefillBusyUntil = NIODeadline.uptimeNanoseconds(0)
    private var nextID: SequenceID = 0
    private var nextOrder: UInt64 = 0
    /// KV slots held by running sequences.
    private(set) var cachedTokens = 0

    /// Most sequences ever running at once.
    private(set) var peakRunning = 0
    /// Most sequences ever waiting at once.
    private(set) var peakWaiting = 0
    /// Sequences preempted so far.
    private(set) var preemptions = 0

    /// Sequences running now (prefilling or decoding).
    var runningCount: Int { running.count }
    /// Sequences waiting for a slot now.
    var waitingCount: Int { waiting.count }
    /// Fraction (0…1) of the KV cache held by running sequences now.
    var cacheUsage: Double { min(1, Double(cachedTokens) / Double(kvCapacity)) }

    /// An idle engine with the timing parameters and cache size of `profile`.
    init(profile: EngineProfile) {
        maxNumSeqs = max(1, profile.maxNumSeqs)
        kvCapacity = max(1, profile.kvCacheTokens)
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

    /// A request arrives with `promptTokens` prompt tokens at `now`, the first `reusedTokens` of
    /// them already in the prefix cache (not prefilled).
    mutating func arrive(promptTokens: Int, reusedTokens: Int = 0, now: NIODeadline, waiter: Waiter) -> (SequenceID, Arrival) {
        let id = nextID
        nextID += 1
        let entry = Queued(
            id: id, promptTokens: promptTokens, reusedTokens: min(reusedTokens, promptTokens), generated: 0, waiter: waiter, announcesAdmission: true)
        if waiting.isEmpty, canAdmit(entry) {
            return (id, .admitted(firstTokenAt: admit(entry, now: now)))
        }
        waiting.append(entry)
        peakWaiting = max(peakWaiting, waiting.count)
        return (id, .queued)
    }

    /// Sequence `id`'s next token is due at `now`: produces it (taking one KV slot, preempting
    /// the most recently admitted sequences while the cache is full), or reports a preemption.
    /// An unknown id (the sequence left) gets ``Step/preempted``.
    mutating func step(_ id: SequenceID, now: NIODeadline) -> Step {
        guard let sequence = running[id] else {
            if let index = waiting.firstIndex(where: { $0.id == id }) {
                waiting[index].announcesAdmission = true
            }
            return .preempted
        }
        if let resumeAt = sequence.resumeAt {
            running[id]?.resumeAt = nil
            return .resumed(at: resumeAt)
        }
        while cachedTokens + 1 > kvCapacity, running.count > 1,
              let victim = running.max(by: { $0.value.order < $1.value.order })?.key {
            preempt(victim, seenNow: victim == id)
            if victim == id { return .preempted }
        }
        running[id]?.generated += 1
        cachedTokens += 1
        return .token(generated: sequence.generated + 1, interTokenLatency: interTokenLatency)
    }

    /// Sequence `id` leaves at `now`: it finished, or its client went away (while running or
    /// while queued). Freed slots admit the head of the queue; the returned admissions are to be
    /// delivered by the caller. Leaving twice, or with an unknown id, does nothing.
    mutating func leave(_ id: SequenceID, now: NIODeadline) -> [Admission] {
        guard let sequence = running.removeValue(forKey: id) else {
            if let index = waiting.firstIndex(where: { $0.id == id }) {
                waiting.remove(at: index)
            }
            return []
        }
        cachedTokens -= sequence.cachedTokens
        var admissions: [Admission] = []
        while let next = waiting.first, canAdmit(next) {
            waiting.removeFirst()
            let firstTokenAt = admit(next, now: now)
            if next.announcesAdmission {
                admissions.append(Admission(id: next.id, waiter: next.waiter, firstTokenAt: firstTokenAt))
            } else {
                running[next.id]?.resumeAt = firstTokenAt
            }
        }
        return admissions
    }

    /// Whether `entry` may start now: a free sequence slot, and room in the cache unless nothing
    /// runs at all.
    private func canAdmit(_ entry: Queued) -> Bool {
        running.count < maxNumSeqs && (running.isEmpty || cachedTokens + entry.cachedTokens <= kvCapacity)
    }

    /// Marks `entry` running, takes its KV slots and books its prefill on the shared unit;
    /// returns when the prefill ends.
    private mutating func admit(_ entry: Queued, now: NIODeadline) -> NIODeadline {
        running[entry.id] = Running(
            promptTokens: entry.promptTokens, generated: entry.generated, order: nextOrder, waiter: entry.waiter)
        nextOrder += 1
        cachedTokens += entry.cachedTokens
        peakRunning = max(peakRunning, running.count)
        let start = max(now, prefillBusyUntil)
        let prefillNanos = prefillOverheadNanos + prefillNanosPerToken * Double(entry.cachedTokens - entry.reusedTokens)
        let end = start + .nanoseconds(Int64(prefillNanos))
        prefillBusyUntil = end
        return end
    }

    /// Moves running sequence `id` to the head of the queue, freeing its KV slots; `seenNow` when
    /// the sequence itself is stepping and learns of it at once.
    private mutating func preempt(_ id: SequenceID, seenNow: Bool) {
        guard let sequence = running.removeValue(forKey: id) else { return }
        cachedTokens -= sequence.cachedTokens
        preemptions += 1
        waiting.prepend(
            Queued(
                id: id, promptTokens: sequence.promptTokens, generated: sequence.generated, waiter: sequence.waiter,
                announcesAdmission: seenNow))
        peakWaiting = max(peakWaiting, waiting.count)
    }
}

extension EngineState: Sendable where Waiter: Sendable {}
extension EngineState.Admission: Sendable where Waiter: Sendable {}
extension EngineState.Running: Sendable where Waiter: Sendable {}
extension EngineState.Queued: Sendable where Waiter: Sendable {}
