/// Host figures read from procfs: CPU time counters (`/proc/stat`) and memory (`/proc/meminfo`).
public enum ProcStat {
    /// The aggregate `cpu` line of `/proc/stat`, in clock ticks.
    public struct CPUTimes: Sendable, Equatable {
        /// Ticks spent idle or waiting for I/O.
        public var idle: UInt64
        /// All ticks (user, nice, system, idle, iowait, irq, softirq, steal; guest time is
        /// already inside user and nice).
        public var total: UInt64

        /// Creates times.
        public init(idle: UInt64, total: UInt64) {
            self.idle = idle
            self.total = total
        }

        /// Busy share between `earlier` and these times, percent; nil when no tick passed.
        public func utilization(since earlier: CPUTimes) -> Double? {
            guard total > earlier.total else { return nil }
            let ticks = Double(total - earlier.total)
            let idleTicks = Double(idle >= earlier.idle ? idle - earlier.idle : 0)
            return max(0, min(100, (ticks - idleTicks) / ticks * 100))
        }
    }

    /// The `cpu` line of `/proc/stat` text; nil when absent or malformed.
    public static func cpuTimes(_ text: String) -> CPUTimes? {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) else { return nil }
        let fields = line.split(separator: " ").dropFirst().compactMap { UInt64($0) }
        guard fields.count >= 4 else { return nil }
        let counted = fields.prefix(8)
        return CPUTimes(idle: fields[3] + (fields.count > 4 ? fields[4] : 0), total: counted.reduce(0, +))
    }

    /// `MemTotal` and `MemAvailable` of `/proc/meminfo` text, bytes; nil when either is missing.
    public static func memory(_ text: String) -> (totalBytes: UInt64, availableBytes: UInt64)? {
        var total: UInt64?
        var available: UInt64?
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 2, let value = UInt64(parts[1]) else { continue }
            let bytes = parts.count > 2 && parts[2] == "kB" ? value * 1024 : value
            if parts[0] == "MemTotal:" { total = bytes }
            if parts[0] == "MemAvailable:" { available = bytes }
        }
        guard let total, let available else { return nil }
        return (total, available)
    }
}
