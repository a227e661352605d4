import Metrics
import Results

/// What one target did at one load level, as far as pricing needs it: read from `summary.csv`
/// where it has the figure, from `requests.csv` otherwise.
public struct LevelMeasurement: Sendable, Equatable {
    /// Target name.
    public var target: String
    /// Level label (`c8`, `r12.5`).
    public var level: String
    /// Requests measured, warm-up excluded.
    public var requests: Int
    /// Successful requests.
    public var succeeded: Int
    /// Input (prompt) tokens per second of successful requests over the level's wall time.
    public var inputTokensPerSecond: Double
    /// Output tokens per second of successful requests over the level's wall time.
    public var outputTokensPerSecond: Double
    /// Whether the level met the scenario's SLOs; nil when the scenario set none. For a partial
    /// level (see ``status``): whether the part that ran stayed within them.
    public var meetsSLO: Bool?
    /// How the level ended; a partial level is priced only with `--allow-partial`.
    public var status: LevelStatus
    /// Why the error-rate guard stopped the level, when it did.
    public var abortReason: String?
    /// Mean power drawn while the level ran, W, when telemetry measured it.
    public var powerMeanW: Double?
    /// Idle power of the same hardware, W, when telemetry measured it.
    public var idlePowerW: Double?
    /// Where the power figures came from (`power_source`), when measured.
    public var powerSource: String?
    /// Share of the requests' server time spent on the prompt (prefill), 0…1; see ``TokenMix``.
    public var prefillShare: Double
    /// Mean prompt tokens of a successful request.
    public var meanInputTokens: Double
    /// Mean output tokens of a successful request.
    public var meanOutputTokens: Double
    /// Answers scored on this level and how many passed (`requests.csv` `quality`); empty when
    /// none was scored.
    public var quality: QualityTally
    /// 95% interval of the throughput, from the spread of per-request rates; nil when the level
    /// has too few requests to compute one.
    public var throughputInterval: ThroughputInterval?
    /// What the level's requests asked for (`requests.csv` `request_kind`): generations, or
    /// embeddings, whose input tokens are the whole workload; nil when they mixed kinds (a
    /// pipeline's steps).
    public var requestKind: RequestKind? = .generation

    /// Creates a measurement.
    public init(
        target: String, level: String, requests: Int, succeeded: Int, inputTokensPerSecond: Double, outputTokensPerSecond: Double,
        meetsSLO: Bool?, status: LevelStatus = .completed, abortReason: String? = nil, powerMeanW: Double? = nil, idlePowerW: Double? = nil, powerSource: String? = nil,
        prefillShare: Double, meanInputTokens: Double, meanOutputTokens: Double, quality: QualityTally = QualityTally(), throughputInterval: ThroughputInterval? = nil
    ) {
        self.target = target
        self.level = level
        self.requests = requests
        self.succeeded = succeeded
        self.inputTokensPerSecond = inputTokensPerSecond
        self.outputTokensPerSecond = outputTokensPerSecond
        self.meetsSLO = meetsSLO
        self.status = status
        self.abortReason = abortReason
        self.powerMeanW = powerMeanW
        self.idlePowerW = idlePowerW
        self.powerSource = powerSource
        self.prefillShare = prefillShare
        self.meanInputTokens = meanInputTokens
        self.meanOutputTokens = meanOutputTokens
        self.quality = quality
        self.throughputInterval = throughputInterval
    }

    /// Input and output tokens per second together.
    public var totalTokensPerSecond: Double { inputTokensPerSecond + outputTokensPerSecond }

    /// Failed requests over requests measured (0 when none were measured).
    public var errorRate: Double { requests == 0 ? 0 : Double(requests - succeeded) / Double(requests) }

    /// The offered load the label names: 8 for `c8`, 12.5 for `r12.5`; nil for other labels.
    public var offeredLoad: Double? {
        guard let first = level.first, first == "c" || first == "r" else { return nil }
        return Double(level.dropFirst())
    }
}
