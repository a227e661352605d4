import Workload

extension LoadLevel {
    /// The open-loop level's whole schedule: every intended send offset from the level's start
    /// (ns), from its seed or fixed ahead (a trace, a rate profile), for one process or all shards
    /// together; nil in closed loop.
    public var schedule: [UInt64]? {
        switch pattern {
        case .closed: return nil
        case .open(let rate, let arrival, _):
            return arrival.schedule(rate: rate, count: requestLimit, durationNs: durationLimit.map { UInt64($0 * 1e9) }, seed: scheduleSeed)
        case .fixed(let schedule, _): return schedule.offsets
        }
    }
}
