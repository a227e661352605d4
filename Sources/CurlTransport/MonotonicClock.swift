#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one clock repat measures with: `CLOCK_MONOTONIC`, in nanoseconds.
///
/// Every timestamp that crosses a module boundary (chunk arrival, request start, intended send time)
/// is a value of this clock, so differences between them are meaningful across threads.
public enum MonotonicClock {
    /// Nanoseconds since an arbitrary fixed point (boot, on Linux).
    @inline(__always)
    public static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }
}
