import Synchronization

/// How far a run has been asked to stop, shared by the signal handler and the workers.
///
/// First Ctrl-C / SIGTERM: ``requestStop()`` — no new requests start; those in flight finish.
/// Second: ``requestCancel()`` — the caller also cancels the run's task, so in-flight requests end
/// as `cancelled` rows.
public final class StopSignal: Sendable {
    private let level = Atomic<Int>(0)

    /// A signal that has not fired.
    public init() {}

    /// Asks workers to start no new requests. Returns how many stop requests there have been,
    /// this one included.
    @discardableResult
    public func requestStop() -> Int {
        level.add(1, ordering: .relaxed).newValue
    }

    /// Whether new requests must not start.
    public var isStopping: Bool { level.load(ordering: .relaxed) > 0 }
}
