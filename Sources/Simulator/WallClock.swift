#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Wall-clock time, for the timestamps responses carry (never for measuring durations, which use
/// the monotonic clock).
enum WallClock {
    /// Seconds since the Unix epoch, with a fractional part.
    static func now() -> Double {
        Date().timeIntervalSince1970
    }

    /// `unixSeconds` as an RFC 3339 UTC timestamp with fractional seconds and trailing zeros
    /// dropped, as Go's `time.RFC3339Nano` writes it: `2024-06-04T14:38:31.83753Z`.
    static func rfc3339(_ unixSeconds: Double) -> String {
        let whole = Int(unixSeconds.rounded(.down))
        let nanos = Int(((unixSeconds - Double(whole)) * 1e9).rounded(.down))
        var fraction = ""
        if nanos > 0 {
            let digits = String(nanos)
            fraction = "." + String(repeating: "0", count: 9 - digits.count) + digits
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        return rfc3339Seconds(whole, fraction: fraction)
    }

    /// `unixSeconds` as an RFC 3339 UTC timestamp in whole seconds: `2024-06-04T14:38:31Z`.
    static func rfc3339(wholeSeconds unixSeconds: Int) -> String {
        rfc3339Seconds(unixSeconds, fraction: "")
    }

    private static func rfc3339Seconds(_ unixSeconds: Int, fraction: String) -> String {
        let days = unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400
        let secondOfDay = unixSeconds - days * 86_400
        let (year, month, day) = HTTPDate.civil(daysSinceEpoch: days)
        return "\(year)-\(pad(month))-\(pad(day))T\(pad(secondOfDay / 3600)):\(pad(secondOfDay % 3600 / 60)):"
            + "\(pad(secondOfDay % 60))\(fraction)Z"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
