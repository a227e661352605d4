import CurlTransport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What sampling cost repat: wall and CPU time spent reading, parsing and recording samples.
public struct SamplingCost: Sendable, Equatable {
    /// Wall time, nanoseconds.
    public var wallNs: UInt64 = 0
    /// CPU time of the sampling thread, nanoseconds.
    public var cpuNs: UInt64 = 0

    /// No cost.
    public init() {}

    /// Adds another cost.
    public static func += (lhs: inout SamplingCost, rhs: SamplingCost) {
        lhs.wallNs += rhs.wallNs
        lhs.cpuNs += rhs.cpuNs
    }

    /// Measures `body` on the calling thread: wall time and the thread's own CPU time.
    public static func measure<T>(_ body: () throws -> T) rethrows -> (T, SamplingCost) {
        let wall = MonotonicClock.now()
        let cpu = threadCPUNanoseconds()
        let result = try body()
        var cost = SamplingCost()
        cost.wallNs = MonotonicClock.now() - wall
        cost.cpuNs = threadCPUNanoseconds() &- cpu
        return (result, cost)
    }

    /// CPU time the calling thread has used, nanoseconds.
    static func threadCPUNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }
}
