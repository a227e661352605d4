/// Computes every metric of every aligned pair: values, difference, bootstrap interval, verdict.
/// When both sides ran the level two or more times the interval is a two-level bootstrap over
/// repeats then requests (``ComparisonMethod/betweenRepeats``); otherwise requests are resampled
/// within each run and the row says so (``ComparisonMethod/withinRun``).
///
/// Pure and reproducible: each row gets its own generator from `makeGenerator(seed, stream)`, with
/// `stream` named by its target (the candidate target when targets of one run are compared), load
/// level and metric (``ComparisonStream/id(target:loadLevel:metric:)``),
/// so a figure depends only on its own data and the seed, not on which other metrics or pairs are
/// compared, nor on their order. The caller picks the generator (the CLI passes
/// `SeededGenerator(seed:stream:)`).
public struct ComparisonEngine<Generator: RandomNumberGenerator> {
    /// Metrics, confidence, rounds and seed.
    public var options: ComparisonOptions
    private let makeGenerator: (_ seed: UInt64, _ stream: UInt64) -> Generator

    /// An engine with `options`, drawing from generators made by `makeGenerator(seed, stream)`.
    public init(options: ComparisonOptions, makeGenerator: @escaping (_ seed: UInt64, _ stream: UInt64) -> Generator) {
        self.options = options
        self.makeGenerator = makeGenerator
    }

    /// One result per pair and metric, pairs in order, metrics in ``ComparisonOptions/metrics`` order.
    public func compare(_ pairs: [ComparisonPair]) -> [ComparisonRow] {
        var results: [ComparisonRow] = []
        for pair in pairs {
            for metric in options.metrics {
                let stream = ComparisonStream.id(
                    target: pair.target ?? pair.candidate, loadLevel: pair.loadLevel, metric: metric.name)
                results.append(compare(pair, on: metric, stream: stream))
            }
        }
        return results
    }

    private func compare(_ pair: ComparisonPair, on metric: ComparisonMetric, stream: UInt64) -> ComparisonRow {
        let base = pair.baselineSample
        let candidate = pair.candidateSample
        var generator = makeGenerator(options.seed, stream)
        let method = ComparisonMethod(baselineRepeats: base.repeatCount, candidateRepeats: candidate.repeatCount)
        let interval = switch method {
        case .betweenRepeats:
            BootstrapInterval.twoLevelDifference(
                baseline: base.repeatPoints(for: metric), candidate: candidate.repeatPoints(for: metric),
                resamples: options.resamples, confidence: options.confidence, using: &generator,
                baselineStatistic: { base.statistic(metric, of: $0) },
                candidateStatistic: { candidate.statistic(metric, of: $0) }
            )
        case .withinRun:
            BootstrapInterval.difference(
                baseline: base.points(for: metric), candidate: candidate.points(for: metric),
                resamples: options.resamples, confidence: options.confidence, using: &generator,
                baselineStatistic: { base.statistic(metric, of: $0) },
                candidateStatistic: { candidate.statistic(metric, of: $0) }
            )
        }
        let baselineValue = base.value(of: metric)
        let candidateValue = candidate.value(of: metric)
        var result = ComparisonRow(
            baseline: pair.baseline, candidate: pair.candidate, target: pair.target, loadLevel: pair.loadLevel,
            metric: metric, baselineValue: baselineValue, candidateValue: candidateValue,
            interval: interval, verdict: .unavailable
        )
        result.method = method
        result.baselineRepeats = base.repeatCount
        result.candidateRepeats = candidate.repeatCount
        if baselineValue != nil, candidateValue != nil {
            result.verdict = ComparisonVerdict(
                interval: interval, lowerIsBetter: metric.lowerIsBetter,
                relativeChange: result.relativeDifference, minimumChange: options.minimumChange
            )
        }
        return result
    }
}
