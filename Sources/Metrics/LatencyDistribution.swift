import Histogram

/// A latency distribution in an HdrHistogram: microsecond resolution, 3 significant digits, up to
/// one hour. Constant memory whatever the number of samples, and mergeable.
public struct LatencyDistribution: Sendable, Codable {
    private var histogram = Histogram<UInt64>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)

    /// An empty distribution.
    public init() {}

    /// Number of samples.
    public var count: Int { Int(histogram.totalCount) }

    /// Records a sample given in milliseconds (clamped to [0, 1 h]).
    public mutating func record(ms: Double) {
        record(micros: UInt64(max(0, min(ms * 1000, 3_600_000_000)).rounded()))
    }

    /// Records a sample given in nanoseconds.
    public mutating func record(ns: UInt64) {
        record(micros: ns / 1000 + (ns % 1000 >= 500 ? 1 : 0))
    }

    private mutating func record(micros: UInt64) {
        _ = histogram.record(min(micros, 3_600_000_000))
    }

    /// Adds every sample of another distribution.
    public mutating func merge(_ other: LatencyDistribution) {
        histogram.add(other.histogram)
    }

    /// The value at a percentile (0–100), ms; nil when empty.
    public func percentileMs(_ percentile: Double) -> Double? {
        count == 0 ? nil : Double(histogram.valueAtPercentile(percentile)) / 1000
    }

    /// What ``percentileMs(_:)`` reports when the nearest-rank sample is `ms` and the samples
    /// range from `lowestMs` to `highestMs`: the sample rounded to the microsecond, raised to the
    /// highest value of its histogram bucket, kept within the recorded range. `compare`, which
    /// takes exact percentiles of `requests.csv`, passes them through this so that its figures
    /// read the same as the level summary's.
    public func reportedMs(_ ms: Double, lowestMs: Double, highestMs: Double) -> Double {
        func micros(_ value: Double) -> UInt64 { UInt64(max(0, min(value * 1000, 3_600_000_000)).rounded()) }
        let value = Swift.min(histogram.highestEquivalentForValue(micros(ms)), micros(highestMs))
        return Double(Swift.max(value, micros(lowestMs))) / 1000
    }

    /// Mean, ms; nil when empty.
    public var meanMs: Double? { count == 0 ? nil : histogram.mean / 1000 }

    /// Largest sample, ms; nil when empty.
    public var maxMs: Double? { count == 0 ? nil : Double(histogram.max) / 1000 }
}
