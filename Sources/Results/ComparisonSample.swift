import Metrics

/// The measured requests of one target at one load level of one run, kept per request so that
/// `compare` can resample them. Warm-up requests are left out; latencies come from successful
/// requests only, as in ``LevelSummary``.
///
/// Throughputs are resampled through each request's busy time: the level's effective concurrency
/// k = Σ request durations / wall time is fixed, and a resample's rate is k × Σ amount / Σ
/// duration. On the whole sample that is exactly amount / wall time (``LevelSummary``'s figure);
/// over resamples it varies as request durations do, which a plain count over a fixed wall time
/// would not (it is constant when every request succeeds).
public struct ComparisonSample: Sendable {
    /// One request's contribution to a metric.
    public struct Point: Sendable, Equatable {
        /// A latency (ms), a success (1 or 0) or output tokens, depending on the metric.
        public var value: Double
        /// How long the request occupied its slot, ms (send to end or failure).
        public var busyMs: Double
    }

    /// Measured (non-warm-up) requests, whatever their outcome.
    public let requests: Int
    /// Wall time of the level, seconds: first measured send to last response end.
    public let durationS: Double
    private let latencies: [ComparisonMetric.Latency: [Point]]
    private let outputTokens: [Point]
    private let successes: [Point]
    private let concurrency: Double

    /// Builds the sample from rows of one target and level; warm-up rows are skipped.
    public init(records: some Sequence<RequestRecord>) {
        var latencies: [ComparisonMetric.Latency: [Point]] = [:]
        var outputTokens: [Point] = []
        var successes: [Point] = []
        var firstStartS = Double.infinity
        var lastEndS = -Double.infinity
        var busyMs = 0.0
        for record in records where !record.warmup {
            firstStartS = min(firstStartS, record.startS)
            lastEndS = max(lastEndS, record.startS + record.durationMs / 1000)
            busyMs += record.durationMs
            let succeeded = record.status.isSuccess
            successes.append(Point(value: succeeded ? 1 : 0, busyMs: record.durationMs))
            outputTokens.append(Point(value: succeeded ? Double(record.outputTokens) : 0, busyMs: record.durationMs))
            guard succeeded else { continue }
            for column in ComparisonMetric.Latency.allCases {
                if let value = column.value(of: record) {
                    latencies[column, default: []].append(Point(value: value, busyMs: record.durationMs))
                }
            }
        }
        requests = successes.count
        durationS = successes.isEmpty ? 0 : max(0, lastEndS - firstStartS)
        concurrency = durationS > 0 ? busyMs / 1000 / durationS : 0
        self.latencies = latencies
        self.outputTokens = outputTokens
        self.successes = successes
    }

    /// The per-request points that `metric` is computed from (successful requests for a latency,
    /// every measured request otherwise); resampling these resamples requests.
    public func points(for metric: ComparisonMetric) -> [Point] {
        switch metric.kind {
        case .latency(let column, _): latencies[column] ?? []
        case .requestsPerSecond, .errorRate: successes
        case .outputTokensPerSecond: outputTokens
        }
    }

    /// Computes `metric` from points laid out as ``points(for:)`` gives them, or a resample of
    /// them. Nil when there is nothing to compute it from.
    public func statistic(_ metric: ComparisonMetric, of points: [Point]) -> Double? {
        guard !points.isEmpty else { return nil }
        switch metric.kind {
        case .latency(_, let percentile):
            // The nearest-rank sample, as the level summary's HdrHistogram reports it.
            let sorted = points.map(\.value).sorted()
            guard let sample = BootstrapInterval.percentile(sorted: sorted, percentile), let lowest = sorted.first, let highest = sorted.last else { return nil }
            return Self.reporting.reportedMs(sample, lowestMs: lowest, highestMs: highest)
        case .requestsPerSecond, .outputTokensPerSecond:
            let busyS = points.reduce(0) { $0 + $1.busyMs } / 1000
            guard concurrency > 0, busyS > 0 else { return nil }
            return concurrency * points.reduce(0) { $0 + $1.value } / busyS
        case .errorRate:
            return 1 - points.reduce(0) { $0 + $1.value } / Double(points.count)
        }
    }

    /// An empty distribution, for its reporting precision.
    private static let reporting = LatencyDistribution()

    /// The value of `metric` over the whole sample; nil when there is nothing to compute it from.
    public func value(of metric: ComparisonMetric) -> Double? {
        statistic(metric, of: points(for: metric))
    }
}
