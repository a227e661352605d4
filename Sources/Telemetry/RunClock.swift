import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns monotonic timestamps into the run's two time columns: milliseconds since the run
/// started, and UTC wall-clock time (the run's start date plus the monotonic offset, so a clock
/// step during the run does not reorder rows).
public struct RunClock: Sendable {
    /// The run's start, monotonic nanoseconds.
    public let startNs: UInt64
    /// The run's start, wall clock.
    public let startDate: Date

    /// A clock for a run that started at `startNs` (monotonic) and `startDate` (wall clock).
    public init(startNs: UInt64, startDate: Date) {
        self.startNs = startNs
        self.startDate = startDate
    }

    /// Seconds from the run's start to `ns` (negative before it).
    public func seconds(_ ns: UInt64) -> Double {
        ns >= startNs ? Double(ns - startNs) / 1e9 : -Double(startNs - ns) / 1e9
    }

    /// `2026-11-23T10:15:00.123Z` for monotonic time `ns`.
    public func utc(_ ns: UInt64) -> String {
        let milliseconds = Int64((startDate.timeIntervalSince1970 + seconds(ns)) * 1000)
        var time = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(milliseconds % 1000), 3))Z"
    }
}
