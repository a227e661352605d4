import Workload

extension LoadLevel {
    /// The open-loop level's whole schedule: every intended send offset from the level's start
    /// (ns), from its seed, for one process or all shards together; nil in closed loop.
    public var schedule: [UInt64]? {
        guard case .open(let rate, let arrival, _) = pattern else { return nil }
        return arrival.schedule(rate: rate, count: requestLimit, durationNs: durationLimit.map { UInt64($0 * 1e9) }, seed: scheduleSeed)
    }
}
