import CurlTransport
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// CPU time spent by the client part of this process: everything `getrusage(RUSAGE_SELF)` counts,
/// minus the threads of an in-process simulator (SwiftNIO event loops, named `NIO-ELT-…`), whose
/// work is the server's. Where per-thread times cannot be read (no `/proc`), the whole process
/// counts as client.
public enum ClientCPUMeter {
    /// One reading: monotonic time and CPU times, all in nanoseconds.
    public struct Reading: Sendable, Equatable {
        /// Monotonic clock at the reading.
        public var wallNs: UInt64
        /// User + system CPU of the whole process.
        public var processNs: UInt64
        /// CPU of the in-process simulator's threads (0 when there are none).
        public var simulatorNs: UInt64

        /// Creates a reading.
        public init(wallNs: UInt64, processNs: UInt64, simulatorNs: UInt64) {
            self.wallNs = wallNs
            self.processNs = processNs
            self.simulatorNs = simulatorNs
        }

        /// Client CPU seconds between `earlier` and this reading. A simulator thread that ended
        /// in between takes its time with it, so the difference is clamped at 0.
        public func clientCPUSeconds(since earlier: Reading) -> Double {
            let process = Int64(bitPattern: processNs &- earlier.processNs)
            let simulator = Int64(bitPattern: simulatorNs &- earlier.simulatorNs)
            return Double(max(0, process - max(0, simulator))) / 1e9
        }

        /// Simulator CPU seconds between `earlier` and this reading.
        public func simulatorCPUSeconds(since earlier: Reading) -> Double {
            Double(max(0, Int64(bitPattern: simulatorNs &- earlier.simulatorNs))) / 1e9
        }

        /// Wall seconds between `earlier` and this reading.
        public func wallSeconds(since earlier: Reading) -> Double {
            Double(wallNs &- earlier.wallNs) / 1e9
        }
    }

    /// Thread-name prefix of SwiftNIO's event-loop threads, which in repat only the simulator runs.
    static let simulatorThreadPrefix = "NIO-ELT-"

    /// Reads the clocks now.
    public static func read() -> Reading {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        let process = nanoseconds(usage.ru_utime) + nanoseconds(usage.ru_stime)
        return Reading(wallNs: MonotonicClock.now(), processNs: process, simulatorNs: simulatorThreadsNs())
    }

    private static func nanoseconds(_ time: timeval) -> UInt64 {
        UInt64(max(0, time.tv_sec)) * 1_000_000_000 + UInt64(max(0, time.tv_usec)) * 1000
    }

    /// Sums the on-CPU time (`/proc/self/task/TID/schedstat`, first field, ns) of every thread whose
    /// name starts with ``simulatorThreadPrefix``.
    private static func simulatorThreadsNs() -> UInt64 {
        guard let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task") else { return 0 }
        var total: UInt64 = 0
        for task in tasks {
            guard let name = readSmallFile("/proc/self/task/\(task)/comm"), name.hasPrefix(simulatorThreadPrefix),
                let schedstat = readSmallFile("/proc/self/task/\(task)/schedstat"),
                let field = schedstat.split(separator: " ").first, let ns = UInt64(field)
            else { continue }
            total += ns
        }
        return total
    }

    /// The first line of a small `/proc` file, or nil.
    private static func readSmallFile(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self)
        return text.split(separator: "\n", maxSplits: 1).first.map(String.init)
    }
}
