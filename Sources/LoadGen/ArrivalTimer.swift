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
    /// The longest single sleep, so that a cancel is noticed within it.
    static let maximumSleepNs: UInt64 = 100_000_000

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
                let reached = Self.wait(until: Self.fireTime(of: deadline)) { stop.isStopping || stopped.isStopping }
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

    /// When the arrival due at `deadline` (monotonic ns) is yielded: ``leadNs`` before it.
    static func fireTime(of deadline: UInt64) -> UInt64 {
        deadline > leadNs ? deadline - leadNs : 0
    }

    /// What to sleep to at `now` on the way to `deadline` (both monotonic ns): the deadline, or
    /// ``maximumSleepNs`` from now when that comes first, so a cancel is noticed soon; nil once
    /// the deadline is reached (exactly at it included).
    static func sleepTarget(until deadline: UInt64, now: UInt64) -> UInt64? {
        guard now < deadline else { return nil }
        return min(deadline, now + maximumSleepNs)
    }

    /// Waits for `deadline`; returns false if `cancelled` became true first.
    private static func wait(until deadline: UInt64, cancelled: () -> Bool) -> Bool {
        while true {
            if cancelled() { return false }
            guard let target = sleepTarget(until: deadline, now: MonotonicClock.now()) else { return true }
            var spec = timespec(tv_sec: Int(target / 1_000_000_000), tv_nsec: Int(target % 1_000_000_000))
            clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &spec, nil)
        }
    }
}
