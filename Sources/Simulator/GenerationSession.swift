import NIOCore

/// One request's life in the engine, confined to its channel's event loop: it waits for a slot,
/// waits out its prefill, then emits one token per decode step until the sampler says stop.
///
/// Token `k+1` is due one inter-token latency after token `k` was due (not after it was written),
/// so event-loop jitter does not accumulate; the latency is read from the engine at every step.
/// When the engine preempts the sequence (its KV cache is full), the session waits to be
/// admitted again and resumes where it was, after the new prefill. The session frees its engine
/// slot exactly once: when its last token is out, when a ``FaultPlan/abort`` fires, or on
/// ``cancel()``. It records its ``GenerationTimeline`` (the engine's due times) as it goes.
///
/// With a zero inter-token latency the tokens due at once go out back to back, up to
/// ``burstLimit`` of them, with one flush at the end (``TokenHandler``'s `flush`), before the
/// session yields to the loop's other channels: emitting as fast as the socket takes them instead
/// of paying a timer and a write per token.
///
/// Faults it applies from its ``FaultPlan``: the first-token delay and a stall shift token due
/// times (the slot stays held; each applies once, preemptions notwithstanding); an abort stops
/// generation when its token is due, frees the slot, and leaves the response to the handler's
/// abort callback.
final class GenerationSession {
    /// Called for every token, on the event loop; `index` counts from 0. `flush` is false while
    /// more tokens of a zero-latency burst follow at once: what was written may wait for them.
    typealias TokenHandler = (_ token: SampledToken, _ index: Int, _ flush: Bool) -> Void
    /// Called once after the last token, on the event loop, with the reason, counts and timeline.
    typealias FinishHandler = (_ outcome: GenerationOutcome) -> Void
    /// Called once, on the event loop, instead of the next token when an injected abort fires;
    /// the slot is already freed.
    typealias AbortHandler = (_ kind: FaultPlan.Abort.Kind) -> Void
    /// Called on the event loop when a zero-latency burst ends without a token (the engine preempted
    /// the sequence or moved its next token later): what was written unflushed must go out now.
    typealias FlushHandler = () -> Void

    private enum State {
        /// Not yet given to the engine.
        case idle
        /// Given to the engine; queued (perhaps after a preemption), or admitted with the
        /// admission still on its way.
        case waitingForSlot(id: Engine.SequenceID)
        /// Prefilling or decoding; `next` emits the next token.
        case generating(id: Engine.SequenceID, next: Scheduled<Void>)
        /// Last token emitted (or an injected abort fired) and slot freed.
        case finished
        /// Client gone; slot freed. A late admission is ignored: `leave` already released it.
        case cancelled
    }

    /// Most tokens emitted back to back at zero inter-token latency before yielding to the loop.
    static let burstLimit = 64

    private let engine: Engine
    private let eventLoop: any EventLoop
    private var sampler: OutputSampler
    private let onToken: TokenHandler
    private let onFinish: FinishHandler
    private let onAbort: AbortHandler
    private let onFlush: FlushHandler
    private let faults: FaultPlan
    /// The gap after each reasoning token; nil to reason at the engine's decode pace.
    private let reasoningInterval: TimeAmount?
    private var state = State.idle
    private var promptTokens = 0
    private var timeline = GenerationTimeline(startedAt: .now())
    /// Whether the first-token delay and the stall have been applied (each applies once).
    private var firstTokenDelayed = false
    private var stalled = false

    /// A session that will draw tokens from `sampler`, apply the timing faults and abort of
    /// `faults`, pace its reasoning tokens `reasoningInterval` apart (the engine's decode pace
    /// when nil), and report on `eventLoop`.
    init(
        engine: Engine, eventLoop: any EventLoop, sampler: OutputSampler, faults: FaultPlan = FaultPlan(),
        reasoningInterval: TimeAmount? = nil,
        onToken: @escaping TokenHandler, onFinish: @escaping FinishHandler,
        onAbort: @escaping AbortHandler = { _ in }, onFlush: @escaping FlushHandler = {}
    ) {
        self.engine = engine
        self.eventLoop = eventLoop
        self.sampler = sampler
        self.faults = faults
        self.reasoningInterval = reasoningInterval
        self.onToken = onToken
        self.onFinish = onFinish
        self.onAbort = onAbort
        self.onFlush = onFlush
    }

    /// Hands the request to the engine; call once, on the event loop.
    func start(promptTokens: Int, promptBlocks: [UInt64] = []) {
        eventLoop.preconditionInEventLoop()
        guard case .idle = state else { return }
        self.promptTokens = promptTokens
        timeline = GenerationTimeline(startedAt: .now())
        let bound = NIOLoopBound(self, eventLoop: eventLoop)
        let loop = eventLoop
        let (id, arrival) = engine.arrive(promptTokens: promptTokens, promptBlocks: promptBlocks) { firstTokenAt in
            loop.execute { bound.value.admitted(firstTokenAt: firstTokenAt) }
        }
        state = .waitingForSlot(id: id)
        if case .admitted(let firstTokenAt) = arrival {
            admitted(firstTokenAt: firstTokenAt)
        }
    }

    /// The client went away: stops emitting and frees the slot (or the queue place). Idempotent.
    func cancel() {
        eventLoop.preconditionInEventLoop()
        switch state {
        case .idle:
            state = .cancelled
        case .waitingForSlot(let id):
            state = .cancelled
            engine.leave(id, .abandoned)
        case .generating(let id, let next):
            state = .cancelled
            next.cancel()
            engine.leave(id, .abandoned)
        case .finished, .cancelled:
            break
        }
    }

    /// The engine gave the sequence a slot (first time, or again after a preemption); its next
    /// token is due at `firstTokenAt`, plus the first-token delay the first time.
    private func admitted(firstTokenAt: NIODeadline) {
        guard case .waitingForSlot(let id) = state else { return }
        if timeline.admittedAt == nil {
            // Admission was at the latest now, and no later than the prefill's end.
            timeline.admittedAt = min(.now(), firstTokenAt)
        }
        var due = firstTokenAt
        if !firstTokenDelayed {
            firstTokenDelayed = true
            due = due + faults.firstTokenDelay
        }
        schedule(id: id, at: due)
    }

    /// Books the next token (index `sampler.emitted`) for `dueWithoutStall`. When the plan stalls
    /// before that token, it is due a stall after the later of that time and now (when the previous
    /// token went out), so the silence the client sees is never shorter than the stall, even if the
    /// previous token was late; later tokens keep their spacing from the shifted due time.
    private func schedule(id: Engine.SequenceID, at dueWithoutStall: NIODeadline) {
        var deadline = dueWithoutStall
        if stallIsNext, let stall = faults.stall {
            stalled = true
            deadline = max(deadline, .now()) + stall.duration
        }
        let next = eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            self.step(due: deadline)
        }
        state = .generating(id: id, next: next)
    }

    /// Whether the plan's stall comes before the next token.
    private var stallIsNext: Bool {
        !stalled && faults.stall?.afterTokens == sampler.emitted
    }

    /// Emits the token due at `due` (and, at zero inter-token latency, those due right after it)
    /// and books the next one, or finishes; waits instead when the engine has preempted the
    /// sequence.
    private func step(due: NIODeadline) {
        var due = due
        for burst in 1...Self.burstLimit {
            guard case .generating(let id, _) = state else { return }
            let index = sampler.emitted
            if let abort = faults.abort, abort.afterTokens == index {
                state = .finished
                engine.leave(id, .abandoned)
                onAbort(abort.kind)
                return
            }
            switch engine.step(id) {
            case .preempted:
                state = .waitingForSlot(id: id)
                if burst > 1 { onFlush() }
                return
            case .resumed(let at):
                schedule(id: id, at: at)
                if burst > 1 { onFlush() }
                return
            case .token(_, let engineLatency):
                let token = sampler.nextToken()
                let interTokenLatency = token.isReasoning ? reasoningInterval ?? engineLatency : engineLatency
                if index == 0 { timeline.firstTokenAt = due }
                timeline.lastTokenAt = due
                if let reason = token.finishReason {
                    state = .finished
                    engine.leave(id, .finished(reason))
                    onToken(token, index, true)
                    onFinish(
                        GenerationOutcome(
                            finishReason: reason, promptTokens: promptTokens, completionTokens: sampler.emitted,
                            reasoningTokens: sampler.reasoningEmitted, timeline: timeline))
                    return
                }
                let next = due + interTokenLatency
                let continues = interTokenLatency == .zero && burst < Self.burstLimit && !stallIsNext
                onToken(token, index, !continues)
                // onToken may have cancelled the session (a write that closed the channel).
                guard case .generating = state else { return }
                guard continues else {
                    schedule(id: id, at: next)
                    return
                }
                due = next
            }
        }
    }
}
