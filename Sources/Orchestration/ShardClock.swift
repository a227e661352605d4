import CurlTransport
import Foundation

/// The wall clock shards agree on (UTC, via NTP) and its conversion to this process's monotonic
/// clock, on which sends are scheduled.
enum ShardClock {
    /// Now on the wall clock, ns since 1970 (`CLOCK_REALTIME`).
    static func unixNs() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// The monotonic time (ns) at which the wall clock reads `unixNs`, given both clocks read
    /// together as `nowUnixNs` and `nowMonotonic` (0 for a time before the monotonic clock's zero).
    static func monotonic(forUnixNs unixNs: Int64, nowUnixNs: Int64, nowMonotonic: UInt64) -> UInt64 {
        let target = Int64(bitPattern: nowMonotonic) + (unixNs - nowUnixNs)
        return UInt64(max(0, target))
    }

    /// The wall-clock time (ns since 1970) at which the monotonic clock read `monotonic`.
    static func unixNs(atMonotonic monotonic: UInt64) -> Int64 {
        let nowMonotonic = MonotonicClock.now()
        let nowUnix = unixNs()
        return nowUnix - (Int64(bitPattern: nowMonotonic) - Int64(bitPattern: monotonic))
    }
}
