import Metrics

/// The measured requests of one target at one load level of one run, kept per request and per
/// repeat so that `compare` can resample them. Warm-up requests are left out; latencies come from
/// successful requests only, as in ``LevelSummary``.
///
/// Throughputs are resampled through each request's share of its repeat's wall time: a repeat's
/// effective concurrency k = Σ request durations / its wall time is fixed, and a request busy for
/// d ms accounts for d / k ms of wall time. A (re)sample's rate is Σ amount / Σ wall share; on a
/// whole repeat that is exactly amount / wall time, and on all repeats amount / the sum of their
/// wall times (``LevelSummary``'s figure, repeats pooled). Over resamples it varies as request
/// durations do, which a plain count over a fixed wall time would not (it is constant when every
/// request succeeds).
public struct ComparisonSample: Sendable {
    /// One request's contribution to a metric.
    public struct Point: Sendable, Equatable {
        /// A latency (ms), a success (1 or 0) or output tokens, depending on the metric.
        public var value: Double
        /// The request's share of its repeat's wall time, ms (its duration over the repeat's
        /// effective concurrency).
        public var wallMs: Double
    }

    /// Measured (non-warm-up) requests, whatever their outcome.
    public let requests: Int
    /// Wall time of the level, seconds: first measured send to last response end, summed over
    /// repeats.
    public let durationS: Double
    /// How many repeats of the level the sample holds (1 when it ran once).
    public let repeatCount: Int
    /// Per metric column, one array of points per repeat (in repeat order).
    private let latencies: [ComparisonMetric.Latency: [[Point]]]
    private let outputTokens: [[Point]]
    private let successes: [[Point]]

    /// Builds the sample from rows of one target and level; warm-up rows are skipped, and rows are
    /// grouped by their `repeat`.
    public init(records: some Sequence<RequestRecord>) {
        var byRepeat: [Int: [RequestRecord]] = [:]
        for record in records where !record.warmup { byRepeat[record.repetition, default: []].append(record) }
        var latencies: [ComparisonMetric.Latency: [[Point]]] = [:]
        var outputTokens: [[Point]] = []
        var successes: [[Point]] = []
        var durationS = 0.0
        for number in byRepeat.keys.sorted() {
            let repeated = byRepeat[number] ?? []
            let firstStartS = repeated.map(\.startS).min() ?? 0
            let lastEndS = repeated.map { $0.startS + $0.durationMs / 1000 }.max() ?? 0
            let wallS = max(0, lastEndS - firstStartS)
            let busyMs = repeated.reduce(0) { $0 + $1.durationMs }
            let concurrency = wallS > 0 ? busyMs / 1000 / wallS : 0
            durationS += wallS
            func point(_ value: Double, _ record: RequestRecord) -> Point {
                Point(value: value, wallMs: concurrency > 0 ? record.durationMs / concurrency : 0)
            }
            successes.append(repeated.map { point($0.status.isSuccess ? 1 : 0, $0) })
            outputTokens.append(repeated.map { point($0.status.isSuccess ? Double($0.outputTokens) : 0, $0) })
            for column in ComparisonMetric.Latency.allCases {
                let points = repeated.filter(\.status.isSuccess).compactMap { record in column.value(of: record).map { point($0, record) } }
                if !points.isEmpty { latencies[column, default: []].append(points) }
            }
        }
        requests = successes.reduce(0) { $0 + $1.count }
        repeatCount = byRepeat.count
        self.durationS = durationS
        self.latencies = latencies
        self.outputTokens = outputTokens
        self.successes = successes
    }

    /// The per-request points that `metric` is computed from (successful requests for a latency,
    /// every measured request otherwise), one array per repeat that has any; resampling these
    /// resamples repeats, then requests.
    public func repeatPoints(for metric: ComparisonMetric) -> [[Point]] {
        switch metric.kind {
        case .latency(let column, _): latencies[column] ?? []
        case .requestsPerSecond, .errorRate: successes.filter { !$0.isEmpty }
        case .outputTokensPerSecond: outputTokens.filter { !$0.isEmpty }
        }
    }

    /// Every repeat's points for `metric` together (``repeatPoints(for:)`` joined); resampling
    /// these resamples requests.
    public func points(for metric: ComparisonMetric) -> [Point] {
        repeatPoints(for: metric).flatMap { $0 }
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
            let wallS = points.reduce(0) { $0 + $1.wallMs } / 1000
            guard wallS > 0 else { return nil }
            return points.reduce(0) { $0 + $1.value } / wallS
        case .errorRate:
            return 1 - points.reduce(0) { $0 + $1.value } / Double(points.count)
        }
    }

    /// An empty distribution, for its reporting precision.
    private static let reporting = LatencyDistribution()

    /// The value of `metric` over the whole sample (every repeat); nil when there is nothing to
    /// compute it from.
    public func value(of metric: ComparisonMetric) -> Double? {
        statistic(metric, of: points(for: metric))
    }
}
