/// A Prometheus-style histogram with fixed upper bounds: how many observations fell at or below
/// each bound, their sum and their count.
struct BucketHistogram: Sendable, Equatable {
    /// Upper bounds of the finite buckets, ascending (the `le` labels); `+Inf` is implicit.
    let bounds: [Double]
    /// Observations in each finite bucket alone (not cumulative), parallel to ``bounds``.
    private(set) var counts: [Int]
    /// Sum of all observations.
    private(set) var sum: Double = 0
    /// Number of observations, including those above the last bound.
    private(set) var count = 0

    /// An empty histogram with `bounds` (ascending).
    init(bounds: [Double]) {
        self.bounds = bounds
        self.counts = Array(repeating: 0, count: bounds.count)
    }

    /// Records one observation.
    mutating func observe(_ value: Double) {
        sum += value
        count += 1
        if let index = bounds.firstIndex(where: { value <= $0 }) {
            counts[index] += 1
        }
    }

    /// Observations at or below each bound, as Prometheus's `_bucket` series report them.
    var cumulativeCounts: [Int] {
        var total = 0
        return counts.map { count in
            total += count
            return total
        }
    }

    /// vLLM's buckets for time to first token, in seconds.
    static let timeToFirstTokenBounds: [Double] = [
        0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0,
        80.0, 160.0, 640.0, 2560.0,
    ]

    /// vLLM's buckets for end-to-end request latency, in seconds.
    static let requestLatencyBounds: [Double] = [
        0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0, 120.0, 240.0, 480.0,
        960.0, 1920.0, 7680.0,
    ]
}
