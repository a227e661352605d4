import CTimex
import Foundation

extension ClockSync {
    /// What this host tells about its clock: `chronyc tracking` when chrony runs, else
    /// `timedatectl timesync-status` (systemd-timesyncd), else the kernel's NTP state
    /// (`ntp_adjtime`); the commands run off the task pool.
    public static func probe() async -> ClockSync {
        await HostCommand.offPool {
            if let text = HostCommand.output("chronyc", ["tracking"]), let sync = chrony(text) { return sync }
            if let text = HostCommand.output("timedatectl", ["timesync-status"]), let sync = timesyncd(text) { return sync }
            return kernel()
        }
    }

    /// Reads `chronyc tracking`: `System time : 0.000012 seconds fast of NTP time` (offset, fast
    /// counted positive), `Root dispersion` (error bound) and `Leap status`; nil without the
    /// system-time line.
    static func chrony(_ text: String) -> ClockSync? {
        let fields = fields(of: text)
        guard let system = fields["System time"]?.split(separator: " "), system.count >= 3, let seconds = Double(system[0]) else { return nil }
        let offsetS = system[2] == "slow" ? -seconds : seconds
        let dispersion = fields["Root dispersion"]?.split(separator: " ").first.flatMap { Double($0) }
        let leap = fields["Leap status"]
        return ClockSync(
            source: "chronyc tracking", offsetMs: offsetS * 1000, maxErrorMs: dispersion.map { $0 * 1000 },
            synchronised: leap.map { $0 != "Not synchronised" }
        )
    }

    /// Reads `timedatectl timesync-status`: `Offset: +12us` (ns, us, ms or s); nil without it.
    static func timesyncd(_ text: String) -> ClockSync? {
        guard let offset = fields(of: text)["Offset"], let offsetMs = milliseconds(offset) else { return nil }
        return ClockSync(source: "timedatectl timesync-status", offsetMs: offsetMs, maxErrorMs: nil, synchronised: nil)
    }

    /// The kernel's NTP state: `ntp_adjtime` with no modes reads the offset, the maximum error
    /// and whether the clock is synchronised (not `TIME_ERROR`, no `STA_UNSYNC`).
    static func kernel() -> ClockSync {
        var state = timex()
        let result = ntp_adjtime(&state)
        guard result >= 0 else { return ClockSync(source: "none", offsetMs: nil, maxErrorMs: nil, synchronised: nil) }
        let nanoseconds = state.status & Int32(STA_NANO) != 0
        let offsetMs = Double(state.offset) / (nanoseconds ? 1e6 : 1e3)
        let synchronised = result != TIME_ERROR && state.status & Int32(STA_UNSYNC) == 0
        return ClockSync(source: "ntp_adjtime", offsetMs: offsetMs, maxErrorMs: Double(state.maxerror) / 1e3, synchronised: synchronised)
    }

    /// `Name : value` lines, names and values trimmed.
    private static func fields(of text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            fields[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// `+12us`, `-1.5ms`, `3ns`, `0.2s` in milliseconds.
    private static func milliseconds(_ text: String) -> Double? {
        for (unit, scale) in [("ns", 1e-6), ("us", 1e-3), ("µs", 1e-3), ("ms", 1.0), ("s", 1000.0)] where text.hasSuffix(unit) {
            return Double(text.dropLast(unit.count)).map { $0 * scale }
        }
        return nil
    }
}
