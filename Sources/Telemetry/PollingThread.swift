import CurlTransport
import Dispatch
import Foundation
import Synchronization

/// A dedicated thread calling `poll` every `intervalS` seconds on absolute deadlines (a poll that
/// overruns its interval restarts the schedule from its end), until stopped. Keeps sampling off
/// the cooperative thread pool that runs the requests.
final class PollingThread: Sendable {
    private let name: String
    private let intervalNs: UInt64
    private let poll: @Sendable () -> Void
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)
    private let started = Atomic<Bool>(false)

    /// A thread named `name` that will call `poll` every `intervalS` seconds once started.
    init(name: String, intervalS: Double, poll: @escaping @Sendable () -> Void) {
        self.name = name
        intervalNs = UInt64(max(0.001, intervalS) * 1e9)
        self.poll = poll
    }

    /// Starts polling now (the first poll is immediate).
    func start() {
        guard !started.exchange(true, ordering: .relaxed) else { return }
        let thread = Thread { [self] in
            var deadline = MonotonicClock.now()
            while !stopping.load(ordering: .relaxed) {
                poll()
                deadline += intervalNs
                let now = MonotonicClock.now()
                if deadline <= now { deadline = now + intervalNs }
                if wake.wait(timeout: .now() + .nanoseconds(Int(deadline - now))) == .success { break }
            }
            finished.signal()
        }
        thread.name = name
        thread.start()
    }

    /// Stops polling and waits for a poll in progress to end. Idempotent.
    func stop() {
        guard started.load(ordering: .relaxed), !stopping.exchange(true, ordering: .relaxed) else { return }
        wake.signal()
        finished.wait()
    }
}
