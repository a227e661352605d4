import CurlTransport
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Fires an open-loop schedule on time: a dedicated thread sleeps with `clock_nanosleep` to each
/// absolute deadline on the monotonic clock, spins the last stretch, and yields the arrival's
/// index. Sleeping to absolute deadlines means a late wake-up never shifts later arrivals, and no
/// arrival waits for an earlier request to finish (no coordinated omission).
final class ArrivalTimer: Sendable {
    /// Deadlines closer than this are reached by spinning rather than sleeping, trading a little
    /// CPU for send-time precision.
    static let spinNs: UInt64 = 50_000

    /// Arrival indices, each yielded at (or just after) its deadline.
    let arrivals: AsyncStream<Int>
    private let continuation: AsyncStream<Int>.Continuation
    private let stopped = StopSignal()

    /// Starts firing `deadlines` (absolute monotonic ns, ascending) at once.
    init(deadlines: [UInt64], stop: StopSignal) {
        (arrivals, continuation) = AsyncStream<Int>.makeStream()
        let continuation = self.continuation
        let stopped = self.stopped
        let thread = Thread {
            for (index, deadline) in deadlines.enumerated() {
                let reached = Self.wait(until: deadline) { stop.isStopping || stopped.isStopping }
                guard reached else { break }
                continuation.yield(index)
            }
            continuation.finish()
        }
        thread.name = "repat-arrivals"
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
            let remaining = deadline - now
            if remaining <= spinNs { continue }
            // Never sleep more than 100 ms at a stretch, so a cancel is noticed soon.
            let target = min(deadline - spinNs, now + 100_000_000)
            var spec = timespec(tv_sec: Int(target / 1_000_000_000), tv_nsec: Int(target % 1_000_000_000))
            clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &spec, nil)
        }
    }
}
