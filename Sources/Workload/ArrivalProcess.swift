
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
    /// `seed`, so every target receives the same schedule. Stops at `count` arrivals or at
    /// `durationNs`, whichever is given and comes first; with neither, the schedule is empty.
    public func schedule(rate: Double, count: Int?, durationNs: UInt64?, seed: UInt64) -> [UInt64] {
        guard count != nil || durationNs != nil, rate > 0 else { return [] }
        var generator = SeededGenerator(seed: seed)
        let mean = 1 / rate
        var offsets: [UInt64] = []
        if let count { offsets.reserveCapacity(count) }
        var time = 0.0
        while true {
            if let count, offsets.count >= count { break }
            let offset = UInt64((time * 1e9).rounded())
            if let durationNs, offset >= durationNs { break }
            offsets.append(offset)
            time += gap(mean: mean, &generator)
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
