/// Per-request service-level objectives for goodput, as DistServe defines it: the rate of requests
/// that individually met every limit. TTFT and E2E count from the scheduled send time, so a
/// request the client sent late is judged by what a user arriving on schedule saw.
public struct GoodputCriteria: Sendable, Equatable, Codable {
    /// Largest TTFT, ms.
    public var ttftMs: Double?
    /// Largest TPOT, ms.
    public var tpotMs: Double?
    /// Largest E2E, ms.
    public var e2eMs: Double?

    /// Creates criteria; nil limits are not checked.
    public init(ttftMs: Double? = nil, tpotMs: Double? = nil, e2eMs: Double? = nil) {
        self.ttftMs = ttftMs
        self.tpotMs = tpotMs
        self.e2eMs = e2eMs
    }

    /// Whether a record counts towards goodput: successful and within every limit. A limit on a
    /// metric the request lacks (TPOT of a one-token answer) is not held against it.
    public func isMet(by record: RequestRecord) -> Bool {
        guard record.status.isSuccess else { return false }
        if let limit = ttftMs, let value = record.ttftFromScheduledMs, value > limit { return false }
        if let limit = tpotMs, let value = record.tpotMs, value > limit { return false }
        if let limit = e2eMs, let value = record.e2eFromScheduledMs, value > limit { return false }
        return true
    }
}
