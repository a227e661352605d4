import Synchronization

/// The end of one transfer, awaited by the task that sent it: resolved once by the transport
/// thread, awaited once by the task. Whichever comes second resumes the task.
final class TransferCompletion: Sendable {
    private enum State {
        case pending
        case waiting(CheckedContinuation<TransferEnd, Never>)
        case ended(TransferEnd)
    }

    private let state = Mutex(State.pending)

    /// Records the end; resumes the waiting task, if one waits already.
    func resolve(_ end: TransferEnd) {
        let waiter: CheckedContinuation<TransferEnd, Never>? = state.withLock { state in
            switch state {
            case .pending:
                state = .ended(end)
                return nil
            case .waiting(let continuation):
                state = .ended(end)
                return continuation
            case .ended:
                return nil
            }
        }
        waiter?.resume(returning: end)
    }

    /// Waits for ``resolve(_:)``.
    func wait() async -> TransferEnd {
        await withCheckedContinuation { continuation in
            let ended: TransferEnd? = state.withLock { state in
                if case .ended(let end) = state { return end }
                state = .waiting(continuation)
                return nil
            }
            if let ended { continuation.resume(returning: ended) }
        }
    }
}
