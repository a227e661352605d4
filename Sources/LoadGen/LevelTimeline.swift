/// The time-based decisions of one level as plain arithmetic on monotonic nanoseconds: when each
/// closed-loop worker starts (the ramp), when the level stops starting requests (its duration
/// limit) and which requests are warm-up. It reads no clock: the runner passes `now` and the
/// requests' intended send times.
struct LevelTimeline {
    /// When the level starts (monotonic ns); open-loop offsets and the ramp count from here.
    let start: UInt64
    private let level: LoadLevel

    /// The timeline of `level` starting at `start` (monotonic ns).
    init(level: LoadLevel, start: UInt64) {
        self.start = start
        self.level = level
    }

    /// When closed-loop worker `worker` of `workers` (0-based) sends its first request: worker
    /// `k` of `n` at `ramp · k / n`, so concurrency grows linearly over the ramp; all at once
    /// without one (and in open loop, where there is no ramp).
    func workerStart(_ worker: Int, of workers: Int) -> UInt64 {
        guard case .closed(_, let rampSeconds?) = level.pattern else { return start }
        return start + UInt64(rampSeconds * 1e9 * Double(worker) / Double(workers))
    }

    /// The intended send time of an open-loop arrival `offset` ns into the level.
    func sendTime(offset: UInt64) -> UInt64 {
        start + offset
    }

    /// Whether the level starts no more requests at `now`: its duration limit has been reached
    /// (exactly at the limit included). Never, without one.
    func isOver(at now: UInt64) -> Bool {
        guard let duration = level.durationLimit else { return false }
        return now >= start + UInt64(duration * 1e9)
    }

    /// Whether request `index`, intended to be sent at `scheduledAt` (monotonic ns), is warm-up:
    /// among the first `warmupRequests`, or intended for the level's first `warmupSeconds`.
    func isWarmup(index: Int, scheduledAt: UInt64) -> Bool {
        index < level.warmupRequests
            || (level.warmupSeconds.map { scheduledAt < start + UInt64($0 * 1e9) } ?? false)
    }
}
