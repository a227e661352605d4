import NIOCore

/// One request's life in the engine, confined to its channel's event loop: it waits for a slot,
/// waits out its prefill, then emits one token per decode step until the sampler says stop.
///
/// Token `k+1` is due one inter-token latency after token `k` was due (not after it was written),
/// so event-loop jitter does not accumulate; the latency is read from the engine at every step.
/// The session frees its engine slot exactly once: when its last token is out, when a
/// ``FaultPlan/abort`` fires, or on ``cancel()``.
///
/// Faults it applies from its ``FaultPlan``: the first-token delay and a stall shift token due
/// times (the slot stays held); an abort stops generation when its token is due, frees the slot,
/// and leaves the response to the handler's abort callback.
final class GenerationSession {
    /// Called for every token, on the event loop; `index` counts from 0.
    typealias TokenHandler = (_ token: SampledToken, _ index: Int) -> Void
    /// Called once after the last token, on the event loop, with the output length in tokens.
    typealias FinishHandler = (_ reason: FinishReason, _ completionTokens: Int) -> Void
    /// Called once, on the event loop, instead of the next token when an injected abort fires;
    /// the slot is already freed.
    typealias AbortHandler = (_ kind: FaultPlan.Abort.Kind) -> Void

    private enum State {
        /// Not yet given to the engine.
        case idle
        /// Given to the engine; queued, or admitted with the admission still on its way.
        case waitingForSlot(id: UInt64)
        /// Prefilling or decoding; `next` emits the next token.
        case generating(id: UInt64, next: Scheduled<Void>)
        /// Last token emitted (or an injected abort fired) and slot freed.
        case finished
        /// Client gone; slot freed. A late admission is ignored: `leave` already released it.
        case cancelled
    }

    private let engine: Engine
    private let eventLoop: any EventLoop
    private var sampler: OutputSampler
    private let onToken: TokenHandler
    private let onFinish: FinishHandler
    private let onAbort: AbortHandler
    private let faults: FaultPlan
    private var state = State.idle

    /// A session that will draw tokens from `sampler`, apply the timing faults and abort of
    /// `faults`, and report on `eventLoop`.
    init(
        engine: Engine, eventLoop: any EventLoop, sampler: OutputSampler, faults: FaultPlan = FaultPlan(),
        onToken: @escaping TokenHandler, onFinish: @escaping FinishHandler,
        onAbort: @escaping AbortHandler = { _ in }
    ) {
        self.engine = engine
        self.eventLoop = eventLoop
        self.sampler = sampler
        self.faults = faults
        self.onToken = onToken
        self.onFinish = onFinish
        self.onAbort = onAbort
    }

    /// Hands the request to the engine; call once, on the event loop.
    func start(promptTokens: Int) {
        eventLoop.preconditionInEventLoop()
        guard case .idle = state else { return }
        let bound = NIOLoopBound(self, eventLoop: eventLoop)
        let loop = eventLoop
        let (id, arrival) = engine.arrive(promptTokens: promptTokens) { firstTokenAt in
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
            engine.leave(id, completed: false)
        case .generating(let id, let next):
            state = .cancelled
            next.cancel()
            engine.leave(id, completed: false)
        case .finished, .cancelled:
            break
        }
    }

    private func admitted(firstTokenAt: NIODeadline) {
        guard case .waitingForSlot(let id) = state else { return }
        schedule(id: id, at: firstTokenAt + faults.firstTokenDelay)
    }

    /// Books the next token (index `sampler.emitted`) for `dueWithoutStall`. When the plan stalls
    /// before that token, it is due a stall after the later of that time and now (when the previous
    /// token went out), so the silence the client sees is never shorter than the stall, even if the
    /// previous token was late; later tokens keep their spacing from the shifted due time.
    private func schedule(id: UInt64, at dueWithoutStall: NIODeadline) {
        var deadline = dueWithoutStall
        if let stall = faults.stall, stall.afterTokens == sampler.emitted {
            deadline = max(deadline, .now()) + stall.duration
        }
        let next = eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            self.step(due: deadline)
        }
        state = .generating(id: id, next: next)
    }

    /// Emits the token due at `due` and books the next one, or finishes.
    private func step(due: NIODeadline) {
        guard case .generating(let id, _) = state else { return }
        let index = sampler.emitted
        if let abort = faults.abort, abort.afterTokens == index {
            state = .finished
            engine.leave(id, completed: false)
            onAbort(abort.kind)
            return
        }
        let token = sampler.nextToken()
        if let reason = token.finishReason {
            state = .finished
            engine.leave(id, completed: true)
            onToken(token, index)
            onFinish(reason, sampler.emitted)
        } else {
            onToken(token, index)
            // onToken may have cancelled the session (a write that closed the channel).
            guard case .generating = state else { return }
            schedule(id: id, at: due + engine.interTokenLatency)
        }
    }
}
