import RepatSupport


/// How open-loop requests are spaced in time around a mean rate.
public enum ArrivalProcess: Sendable, Equatable {
    /// Evenly spaced: every gap is exactly 1/rate.
    case constant
    /// Poisson process: exponential gaps (coefficient of variation 1).
    case poisson
    /// Gamma-distributed gaps with this shape ("burstiness", as in vLLM's `--burstiness`):
    /// 1 is Poisson, below 1 burstier, above 1 more regular; the coefficient of variation is
    /// 1/√burstiness.
    case gamma(burstiness: Double)

    /// Intended send times for a level: offsets in nanoseconds from the level's start, drawn from
    /// `seed`, so every target receives the same schedule. Holds `count` arrivals, or as many as
    /// fit before `durationNs` at `rate` (⌈rate · duration⌉), whichever is fewer; with neither
    /// bound, the schedule is empty.
    ///
    /// The schedule runs at exactly `rate`: the first arrival is at 0 and the last at
    /// (n − 1) / rate. The gaps are drawn from the process, then scaled together to that span —
    /// for Poisson arrivals this is a Poisson process conditioned on its arrival count, so a short
    /// level does not come out several percent off the rate asked for by the luck of the draw
    /// (at 600 arrivals the drawn rate of an unscaled Poisson schedule has a standard deviation
    /// of 4%). The gaps' shape (coefficient of variation, burstiness) is kept.
    public func schedule(rate: Double, count: Int?, durationNs: UInt64?, seed: UInt64) -> [UInt64] {
        guard rate > 0 else { return [] }
        var arrivals: Int
        switch (count, durationNs) {
        case (nil, nil): return []
        case (let count?, nil): arrivals = count
        case (let count, let duration?):
            arrivals = Int((Double(duration) / 1e9 * rate - 1e-9).rounded(.up))
            if let count { arrivals = min(arrivals, count) }
        }
        guard arrivals > 0 else { return [] }
        var generator = SeededGenerator(seed: seed)
        let mean = 1 / rate
        let gaps = (0..<(arrivals - 1)).map { _ in gap(mean: mean, &generator) }
        let drawn = gaps.reduce(0, +)
        let scale = drawn > 0 ? Double(gaps.count) * mean / drawn : 1
        var offsets = [UInt64(0)]
        offsets.reserveCapacity(arrivals)
        var time = 0.0
        for gap in gaps {
            time += gap * scale
            offsets.append(UInt64((time * 1e9).rounded()))
        }
        if let durationNs, let last = offsets.last, last >= durationNs {
            // Rounding may put the last arrival on the bound itself: keep it inside.
            offsets[offsets.count - 1] = durationNs - 1
        }
        return offsets
    }

    private func gap(mean: Double, _ generator: inout SeededGenerator) -> Double {
        switch self {
        case .constant: mean
        case .poisson: generator.nextExponential(mean: mean)
        case .gamma(let burstiness): generator.nextGamma(shape: burstiness, mean: mean)
        }
    }
}

extension ArrivalProcess {
    /// `constant`, `poisson` or `gamma(burstiness 0.5)`.
    public var name: String {
        switch self {
        case .constant: "constant"
        case .poisson: "poisson"
        case .gamma(let burstiness): "gamma(burstiness \(burstiness))"
        }
    }
}
