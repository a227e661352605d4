import CurlTransport
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Fires an open-loop schedule ahead of time: a dedicated thread sleeps with `clock_nanosleep` to
/// ``leadNs`` before each absolute deadline on the monotonic clock and yields the arrival's index.
/// The request's task then has that long to build the request and queue it on the transport thread,
/// which hands it to curl at the deadline itself (see ``CurlTransport/exchange(_:options:sendAt:handler:started:)``):
/// the send time does not depend on how soon a task runs. Sleeping to absolute deadlines means a
/// late wake-up never shifts later arrivals, and no arrival waits for an earlier request to finish
/// (no coordinated omission).
final class ArrivalTimer: Sendable {
    /// How long before its send time an arrival is yielded.
    static let leadNs: UInt64 = 5_000_000

    /// Arrival indices, each yielded ``leadNs`` before its deadline (or at once when later).
    let arrivals: AsyncStream<Int>
    private let continuation: AsyncStream<Int>.Continuation
    private let stopped = StopSignal()

    /// Starts firing `deadlines` (absolute monotonic ns, ascending) at once.
    init(deadlines: [UInt64], stop: StopSignal) {
        (arrivals, continuation) = AsyncStream<Int>.makeStream()
        let continuation = self.continuation
        let stopped = self.stopped
        let thread = Thread {
            Thread.current.name = "repat-arrivals"
            for (index, deadline) in deadlines.enumerated() {
                let reached = Self.wait(until: deadline &- Self.leadNs) { stop.isStopping || stopped.isStopping }
                guard reached else { break }
                continuation.yield(index)
            }
            continuation.finish()
        }
        thread.start()
    }

    /// Stops firing; arrivals not yet fired are dropped.
    func cancel() {
        stopped.requestStop()
    }

    /// Waits for `deadline`; returns false if `cancelled` became true first.
    private static func wait(until deadline: UInt64, cancelled: () -> Bool) -> Bool {
        while true {
            if cancelled() { return false }
            let now = MonotonicClock.now()
            if now >= deadline { return true }
            // Never sleep more than 100 ms at a stretch, so a cancel is noticed soon.
            let target = min(deadline, now + 100_000_000)
            var spec = timespec(tv_sec: Int(target / 1_000_000_000), tv_nsec: Int(target % 1_000_000_000))
            clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &spec, nil)
        }
    }
}
