import CurlTransport
import LoadGen

/// Waits before a measurement until this process has finished with the previous one (cancelled
/// streams, a simulator shutting down, buffers freed), so that its leftovers are not charged to the
/// next measurement's client CPU.
enum Quiescence {
    /// Longest wait; a process still busy after it is measured anyway.
    static let maxSeconds = 5.0
    /// Length of one look at the process's CPU use.
    static let intervalNs: UInt64 = 100_000_000
    /// Share of one core below which a look counts as quiet.
    static let quietShare = 0.03

    /// Returns once the process used under ``quietShare`` of a core over one ``intervalNs``, or
    /// after ``maxSeconds``.
    static func wait() async {
        let giveUp = MonotonicClock.now() + UInt64(maxSeconds * 1e9)
        var earlier = ClientCPUMeter.read()
        while MonotonicClock.now() < giveUp {
            try? await Task.sleep(nanoseconds: intervalNs)
            let now = ClientCPUMeter.read()
            let cpu = Double(now.processNs &- earlier.processNs) / Double(max(1, now.wallNs &- earlier.wallNs))
            if cpu < quietShare { return }
            earlier = now
        }
    }
}
