import CurlTransport

/// Why repat aborts a transfer itself; ``OutcomeClassifier`` maps each to an outcome. The names
/// appear in the `error` column (`firstTokenTimeout: no token within 120.0 s`).
extension AbortReason {
    /// No token arrived within the target's first-token timeout (the watchdog).
    static let firstTokenTimeout = AbortReason("firstTokenTimeout")
    /// No bytes arrived for longer than the target's idle timeout (the watchdog).
    static let idleTimeout = AbortReason("idleTimeout")
    /// The response's end marker was seen but the server kept the stream open: repat stopped
    /// reading after a short grace. The response itself was complete.
    static let stoppedAfterEnd = AbortReason("stoppedAfterEnd")
    /// The response broke a size limit (``ResponseBounds``): repat stopped reading it at once.
    static let tooLarge = AbortReason("tooLarge")
    /// The response carried more output tokens than its `max_tokens` allows (``ResponseBounds``):
    /// repat stopped reading it at once.
    static let outputOverrun = AbortReason("outputOverrun")
}
