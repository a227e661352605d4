import Metrics

/// How far a level's measured throughput may be off: a 95% confidence interval of the mean
/// per-request throughput ((prompt + output tokens) ÷ E2E time of each successful request),
/// expressed as factors of that mean, so it scales the level's aggregate tokens per second.
///
/// At a fixed concurrency the aggregate rate is the number of requests in flight × the mean
/// per-request rate (Little's law), so the relative uncertainty of the mean carries over to the
/// aggregate. The interval is the normal approximation mean ± 1.96 × s ÷ √n, which for the
/// ≥ 30 requests of a typical level is within a few percent of a bootstrap of the mean and, unlike
/// a bootstrap, needs no random draws.
public struct ThroughputInterval: Sendable, Equatable {
    /// Low end as a factor of the measured throughput (≤ 1).
    public var lowFactor: Double
    /// High end as a factor of the measured throughput (≥ 1).
    public var highFactor: Double
    /// Requests the interval is computed from.
    public var requests: Int

    /// Creates an interval.
    public init(lowFactor: Double, highFactor: Double, requests: Int) {
        self.lowFactor = lowFactor
        self.highFactor = highFactor
        self.requests = requests
    }

    /// z for a two-sided 95% interval.
    public static let z95 = 1.959964

    /// The interval of `rates` (tokens/s of each request); nil for fewer than 2 usable rates or a
    /// zero mean. The low factor is kept above 0.
    public static func of(rates: [Double]) -> ThroughputInterval? {
        let usable = rates.filter { $0.isFinite && $0 >= 0 }
        guard usable.count >= 2 else { return nil }
        let n = Double(usable.count)
        let mean = usable.reduce(0, +) / n
        guard mean > 0 else { return nil }
        let variance = usable.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let half = z95 * variance.squareRoot() / n.squareRoot() / mean
        return ThroughputInterval(lowFactor: max(0.01, 1 - half), highFactor: 1 + half, requests: usable.count)
    }

    /// The interval of the successful `records` of one level: each one's (prompt + output) tokens
    /// ÷ E2E seconds; requests without an E2E time or a prompt count are left out.
    public static func of(records: [RequestRecord]) -> ThroughputInterval? {
        of(rates: records.compactMap { record in
            guard record.status.isSuccess, let e2e = record.e2eMs, e2e > 0, let prompt = record.promptTokens else { return nil }
            return Double(prompt + record.outputTokens) / (e2e / 1000)
        })
    }
}
