import Foundation

/// Opt-in retries of rate-limited (HTTP 429) requests. Off by default: retrying changes the load
/// the server is offered, so a run measures what the server did with the planned load only
/// when retries are off.
public struct RetryPolicy: Sendable, Equatable {
    /// Retries after the first attempt.
    public var maxRetries: Int
    /// Wait when the response has no usable `Retry-After`, seconds.
    public var defaultWaitSeconds: Double = 1
    /// Longest wait honoured, seconds (a `Retry-After` of an hour would stall the run).
    public var maxWaitSeconds: Double = 60

    /// A policy of `maxRetries` retries.
    public init(maxRetries: Int) {
        self.maxRetries = maxRetries
    }
}

/// The `Retry-After` header (RFC 9110): delay-seconds or an HTTP-date.
enum RetryAfter {
    /// Seconds to wait, or nil when the value is absent or unreadable. A date in the past is 0.
    static func seconds(_ value: String?, now: Date) -> Double? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Int(text) { return seconds >= 0 ? Double(seconds) : nil }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return max(0, date.timeIntervalSince(now)) }
        }
        return nil
    }
}
