import NIOCore

/// One request's life in the engine, confined to its channel's event loop: it waits for a slot,
/// waits out its prefill, then emits one token per decode step until the sampler says stop.
///
/// Token `k+1` is due one inter-token latency after token `k` was due (not after it was written),
/// so event-loop jitter does not accumulate; the latency is read from the engine at every step.
/// The session frees its engine slot exactly once: when its last token is out, or on ``cancel()``.
final class GenerationSession {
    /// Called for every token, on the event loop; `index` counts from 0.
    typealias TokenHandler = (_ token: SampledToken, _ index: Int) -> Void
    /// Called once after the last token, on the event loop, with the output length in tokens.
    typealias FinishHandler = (_ reason: FinishReason, _ completionTokens: Int) -> Void

    private enum State {
        /// Not yet given to the engine.
        case idle
        /// Given to the engine; queued, or admitted with the admission still on its way.
        case waitingForSlot(id: UInt64)
        /// Prefilling or decoding; `next` emits the next token.
        case generating(id: UInt64, next: Scheduled<Void>)
        /// Last token emitted and slot freed.
        case finished
        /// Client gone; slot freed. A late admission is ignored: `leave` already released it.
        case cancelled
    }

    private let engine: Engine
    private let eventLoop: any EventLoop
    private var sampler: OutputSampler
    private let onToken: TokenHandler
    private let onFinish: FinishHandler
    private var state = State.idle

    /// A session that will draw tokens from `sampler` and report them on `eventLoop`.
    init(
        engine: Engine, eventLoop: any EventLoop, sampler: OutputSampler,
        onToken: @escaping TokenHandler, onFinish: @escaping FinishHandler
    ) {
        self.engine = engine
        self.eventLoop = eventLoop
        self.sampler = sampler
        self.onToken = onToken
        self.onFinish = onFinish
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
        schedule(id: id, at: firstTokenAt)
    }

    private func schedule(id: UInt64, at deadline: NIODeadline) {
        let next = eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            self.step(due: deadline)
        }
        state = .generating(id: id, next: next)
    }

    /// Emits the token due at `due` and books the next one, or finishes.
    private func step(due: NIODeadline) {
        guard case .generating(let id, _) = state else { return }
        let index = sampler.emitted
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
