import Metrics

/// One step of a level summarised apart in `run.json` (a rate profile's step): its own requests,
/// rates and latency, beside the whole level's.
public struct StepOutcome: Codable, Sendable, Equatable {
    /// `profile step 2 (8 req/s, 60 s)`.
    public var loadLevel: String
    /// Requests measured (warm-up excluded).
    public var requests: Int
    /// Successful requests.
    public var ok: Int
    /// Successful requests per second over the step's own window.
    public var requestsPerSecond: Double
    /// Output tokens per second over the step's own window.
    public var outputTokensPerSecond: Double
    /// TTFT median, ms, successful requests.
    public var ttftP50Ms: Double?
    /// TTFT 99th percentile, ms.
    public var ttftP99Ms: Double?
    /// TTFT from the scheduled send time, 99th percentile, ms.
    public var ttftSchedP99Ms: Double?
    /// End-to-end latency, 99th percentile, ms.
    public var e2eP99Ms: Double?

    /// The step's figures from its summary.
    public init(_ summary: LevelSummary) {
        loadLevel = summary.loadLevel
        requests = summary.requests
        ok = summary.succeeded
        requestsPerSecond = summary.requestsPerSecond
        outputTokensPerSecond = summary.outputTokensPerSecond
        ttftP50Ms = summary.ttft.percentileMs(50)
        ttftP99Ms = summary.ttft.percentileMs(99)
        ttftSchedP99Ms = summary.ttftFromScheduled.percentileMs(99)
        e2eP99Ms = summary.e2e.percentileMs(99)
    }
}
