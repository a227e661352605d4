#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ground truth for measuring a client: with ``EngineProfile/GroundTruthOptions/enabled``, every
/// streamed token's text is ` gt@` followed by the `CLOCK_MONOTONIC` time in nanoseconds taken
/// just before the token's event was encoded and written. A client on the same host reading the
/// same clock (repat's `MonotonicClock`) subtracts it from its own receive stamp to get its
/// timestamp error, token by token.
public enum GroundTruth {
    /// What precedes the time in a stamped token's text (after the leading space every token has).
    static let marker = Array("gt@".utf8)

    /// Nanoseconds on `CLOCK_MONOTONIC`, the clock clients on this host stamp with.
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }

    /// The text of a token written at `nanoseconds`: ` gt@<nanoseconds>`.
    public static func tokenText(writtenAt nanoseconds: UInt64) -> String {
        " gt@" + String(nanoseconds)
    }

    /// The write time carried by the first stamped token in `data` (an event's payload, a line, or
    /// any bytes holding the token text), or nil when it holds none.
    ///
    /// Takes a concrete array: a generic collection would not be specialised across the module
    /// boundary, and this runs for every token a selfbench step receives.
    public static func writeTime(in data: [UInt8]) -> UInt64? {
        let marker = Self.marker
        var matched = 0
        var value: UInt64 = 0
        var digits = 0
        for byte in data {
            if matched < marker.count {
                matched = byte == marker[matched] ? matched + 1 : (byte == marker[0] ? 1 : 0)
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 20 else { break }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflowTimes, !overflowSum else { return nil }
            value = sum
            digits += 1
        }
        return digits > 0 ? value : nil
    }
}
