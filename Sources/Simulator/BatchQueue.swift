/// The slots embedding and rerank requests run on: each request takes the slot free soonest for
/// its whole service time, first come first served, so at most `slots` run at once and later
/// ones queue. A value that takes `now` and reads no clock, tested with plain numbers.
///
/// A slot is reserved when the request arrives; a client that leaves early does not give it
/// back (the simulated server finishes the batch anyway, as real ones do).
struct BatchQueue: Sendable, Equatable {
    /// When each slot is next free, monotonic ns.
    private var freeAt: [UInt64]

    /// A queue of `slots` slots (at least 1), all free.
    init(slots: Int) {
        freeAt = Array(repeating: 0, count: max(1, slots))
    }

    /// Admits a request arriving at `now` needing `serviceNs`: returns when it starts and when it
    /// finishes (monotonic ns).
    mutating func admit(now: UInt64, serviceNs: UInt64) -> (start: UInt64, finish: UInt64) {
        var slot = 0
        for index in freeAt.indices where freeAt[index] < freeAt[slot] {
            slot = index
        }
        let start = max(now, freeAt[slot])
        let finish = start &+ serviceNs
        freeAt[slot] = finish
        return (start, finish)
    }

    /// Requests running or queued at `now`: the slots busy past it.
    func busy(at now: UInt64) -> Int {
        freeAt.count(where: { $0 > now })
    }
}
