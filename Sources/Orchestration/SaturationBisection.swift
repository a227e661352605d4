import Workload

/// The saturation search's decisions, apart from running anything: which rate to try next and
/// what the answer is, given a probe that runs one level at a rate and says whether it met the
/// SLOs. Tested with plain functions as probes.
public enum SaturationBisection {
    /// What a search found.
    public struct Result: Sendable, Equatable {
        /// The highest rate tried that met the SLOs, requests per second; nil when even the
        /// lowest broke them, or the search stopped before the lowest was judged.
        public var maxRate: Double?
        /// The lowest rate tried that broke them; nil when the highest met them (or the search
        /// stopped before trying it). Both nil: the search decided nothing.
        public var firstFailingRate: Double?

        /// Creates a result.
        public init(maxRate: Double?, firstFailingRate: Double?) {
            self.maxRate = maxRate
            self.firstFailingRate = firstFailingRate
        }
    }

    /// Tries `search.minRate`; when it passes, `search.maxRate`; when that fails, bisects between
    /// them for `search.steps` more probes (rates rounded to 0.001 req/s; it stops early once the
    /// midpoint no longer lies strictly between the bounds).
    ///
    /// - Parameter probe: runs one level at a rate and returns whether it met the SLOs, or nil
    ///   when the run is stopping (or the level gave no verdict); nil ends the search with what
    ///   is known, and nil for the lowest rate decides nothing.
    ///   Lower and upper bound are probed first, in that order.
    public static func search(_ search: SaturationSearch, probe: (Double) async -> Bool?) async -> Result {
        switch await probe(search.minRate) {
        case true?: break
        case false?: return Result(maxRate: nil, firstFailingRate: search.minRate)
        case nil: return Result(maxRate: nil, firstFailingRate: nil)
        }
        switch await probe(search.maxRate) {
        case true?: return Result(maxRate: search.maxRate, firstFailingRate: nil)
        case nil: return Result(maxRate: search.minRate, firstFailingRate: nil)
        case false?: break
        }
        var low = search.minRate
        var high = search.maxRate
        for _ in 0..<search.steps {
            let middle = ((low + high) / 2 * 1000).rounded() / 1000
            guard middle > low && middle < high, let passed = await probe(middle) else { break }
            if passed { low = middle } else { high = middle }
        }
        return Result(maxRate: low, firstFailingRate: high)
    }
}
