/// One of `count` processes sharing a run: shard `index` (0-based) of `count`.
///
/// The partition is by request index modulo `count`: shard `i` owns the requests `i`, `i + N`,
/// `i + 2N`, … of every level, so the shards' requests together are exactly the requests of one
/// process, each once, under the same request ids. Open loop, a shard sends its own arrivals of
/// the one seeded schedule at their intended times; closed loop, it keeps its share of the
/// concurrency busy and sends its share of the requests.
public struct Shard: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// 0-based position, below ``count``.
    public let index: Int
    /// Number of shards, 1 or more.
    public let count: Int

    /// Shard `index` of `count`; nil unless 0 ≤ index < count.
    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// `i/N`, as `--shard` takes it.
    public var description: String { "\(index)/\(count)" }

    /// The shard's folder name inside a run folder: `shard-i-of-N`.
    public var folderName: String { "shard-\(index)-of-\(count)" }

    /// Whether the request with this (global) index is this shard's.
    public func owns(_ globalIndex: Int) -> Bool {
        globalIndex >= 0 && globalIndex % count == index
    }

    /// The global index of this shard's `local`-th request (0-based).
    public func globalIndex(local: Int) -> Int {
        index + local * count
    }

    /// How many of the indices `0..<total` are this shard's: ⌈(total − index) / count⌉, at
    /// least 0. Over all shards the shares add up to `total` and differ by at most one, so a
    /// closed-loop concurrency or request count split this way is as even as it can be.
    public func share(of total: Int) -> Int {
        guard total > index else { return 0 }
        return (total - index + count - 1) / count
    }

    /// This shard's arrivals of a level's whole schedule (offsets from the level start, ns):
    /// the global index and intended offset of every `count`-th arrival from ``index``.
    public func arrivals(of schedule: [UInt64]) -> [(index: Int, offsetNs: UInt64)] {
        stride(from: index, to: schedule.count, by: count).map { ($0, schedule[$0]) }
    }

    /// The prefix lengths `M` for which `0..<M` holds exactly `sent` of this shard's indices:
    /// the sizes a union of shards could have when it is a prefix and this shard sent `sent`.
    public func prefixLengths(sent: Int) -> ClosedRange<Int> {
        sent == 0 ? 0...index : (index + (sent - 1) * count + 1)...(index + sent * count)
    }
}

extension Shard {
    /// A problem reading `--shard`; one line naming what is wrong.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        /// The line.
        public let description: String
    }

    /// The environment variable `--shard auto` reads the shard count from in a Kubernetes
    /// Indexed Job (Kubernetes sets `JOB_COMPLETION_INDEX` but not the count; `repat deploy
    /// kubernetes` sets this to the Job's completions).
    public static let kubernetesCountVariable = "REPAT_SHARD_COUNT"

    /// Reads `i/N` (0 ≤ i < N).
    /// - Throws: ``ParseError``.
    public static func parse(_ text: String) throws(ParseError) -> Shard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ParseError(description: "--shard: '\(text)' is not i/N (e.g. 0/4) or auto")
        }
        guard let shard = Shard(index: index, count: count) else {
            throw ParseError(description: "--shard: '\(text)': need N ≥ 1 and 0 ≤ i < N (shards are numbered from 0)")
        }
        return shard
    }

    /// The shard a scheduler assigned: a Slurm array task (`SLURM_ARRAY_TASK_ID` less
    /// `SLURM_ARRAY_TASK_MIN`, 0 when unset, of `SLURM_ARRAY_TASK_COUNT`), else a Kubernetes
    /// Indexed Job's pod (`JOB_COMPLETION_INDEX` of ``kubernetesCountVariable``).
    /// - Throws: ``ParseError`` naming the variable missing or wrong.
    public static func fromEnvironment(_ environment: [String: String]) throws(ParseError) -> Shard {
        func integer(_ name: String) throws(ParseError) -> Int? {
            guard let text = environment[name] else { return nil }
            guard let value = Int(text) else {
                throw ParseError(description: "--shard auto: \(name)='\(text)' is not a whole number")
            }
            return value
        }
        if let task = try integer("SLURM_ARRAY_TASK_ID") {
            guard let count = try integer("SLURM_ARRAY_TASK_COUNT") else {
                throw ParseError(description: "--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not")
            }
            let minimum = try integer("SLURM_ARRAY_TASK_MIN") ?? 0
            guard let shard = Shard(index: task - minimum, count: count) else {
                throw ParseError(
                    description: "--shard auto: SLURM_ARRAY_TASK_ID \(task) less SLURM_ARRAY_TASK_MIN \(minimum) is not below SLURM_ARRAY_TASK_COUNT \(count) (use a contiguous --array=0-\(max(0, count - 1)))"
                )
            }
            return shard
        }
        if let index = try integer("JOB_COMPLETION_INDEX") {
            guard let count = try integer(kubernetesCountVariable) else {
                throw ParseError(description: "--shard auto: JOB_COMPLETION_INDEX is set but \(kubernetesCountVariable) (the Job's completions) is not")
            }
            guard let shard = Shard(index: index, count: count) else {
                throw ParseError(description: "--shard auto: JOB_COMPLETION_INDEX \(index) is not below \(kubernetesCountVariable) \(count)")
            }
            return shard
        }
        throw ParseError(description: "--shard auto: neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set (not a Slurm array task or an Indexed Job pod); use --shard i/N")
    }
}
