/// The arrival times of one response's token-bearing events (monotonic ns), in memory bounded
/// whatever the server sends: the count and the last stamp exactly, each stamp for the first
/// ``keptLimit`` events, and past them only the largest gap.
///
/// A response whose events stay within the limit (131,072 events, 1 MiB of stamps) is described
/// exactly, so every figure of ``TokenTiming`` is what it would be with all stamps. Past it,
/// TTFT, E2E, TPOT and the largest inter-token gap stay exact; the median gap and the level's
/// ITL distribution are taken over the first ``keptLimit`` gaps.
public struct TokenStamps: Sendable, Equatable {
    /// How many stamps are kept, at most (8 bytes each).
    public static let keptLimit = 131_072

    /// The first ``keptLimit`` stamps, in arrival order.
    public private(set) var kept: [UInt64] = []
    /// Token-bearing events seen, kept or not.
    public private(set) var count = 0
    /// The latest stamp, kept or not.
    public private(set) var last: UInt64?
    /// The largest gap between successive events after the kept ones (ns; 0 when none).
    public private(set) var laterMaxGapNs: UInt64 = 0

    /// Stamps `times`, in arrival order.
    public init(_ times: [UInt64] = []) {
        for time in times { append(time) }
    }

    /// The first stamp, when any event arrived.
    public var first: UInt64? { kept.first }

    /// Whether no token-bearing event arrived.
    public var isEmpty: Bool { count == 0 }

    /// Records one more event at `time` (monotonic ns).
    public mutating func append(_ time: UInt64) {
        if kept.count < Self.keptLimit {
            kept.append(time)
        } else if let last {
            laterMaxGapNs = max(laterMaxGapNs, time >= last ? time - last : 0)
        }
        count += 1
        last = time
    }
}
