import Dispatch
import Foundation
import Synchronization

/// Routes SIGINT and SIGTERM to a handler that is told how many signals have arrived so far,
/// instead of killing the process.
final class SignalTrap {
    private let sources: [any DispatchSourceSignal]

    /// Installs the trap; `handler` runs on a background queue with the running count (1, 2, …).
    init(_ handler: @escaping @Sendable (Int) -> Void) {
        let counter = SignalCounter()
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { handler(counter.increment()) }
            source.resume()
            return source
        }
    }

    /// Removes the trap; the default signal behaviour returns.
    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}

/// Counts signals across both sources.
private final class SignalCounter: Sendable {
    private let count = Mutex(0)

    /// Adds one signal; returns the count so far.
    func increment() -> Int {
        count.withLock { count in
            count += 1
            return count
        }
    }
}
