import LoadGen
import Workload

/// The workload digests a shard leaves for merge: the digest a single process would have for the
/// level's requests `0..<M`, for every `M` the shards' union could have if it is a prefix given
/// what this shard sent (``Shard/prefixLengths(sent:)``). Merge takes the one of the union's size,
/// so a merged level has the same digest as one process that sent the same requests.
enum ShardDigests {
    /// The digests by prefix length `M`, for `level` of which `shard` sent `sent` requests
    /// (warm-up included); lengths beyond an open-loop schedule or a request limit are left out.
    static func prefixDigests(level: LoadLevel, shard: Shard, sent: Int, workload: WorkloadGenerator) -> [Int: String] {
        let schedule = level.schedule
        var lengths = shard.prefixLengths(sent: sent)
        if let planned = schedule?.count ?? level.requestLimit {
            guard lengths.lowerBound <= planned else { return [:] }
            lengths = lengths.lowerBound...min(lengths.upperBound, planned)
        }
        var digests: [Int: String] = [:]
        var digest = WorkloadDigest()
        for length in 0...lengths.upperBound {
            if lengths.contains(length) { digests[length] = digest.finalize() }
            if length < lengths.upperBound {
                digest.add(workload.item(at: level.itemOffset + length), scheduledOffsetNs: schedule?[length])
            }
        }
        return digests
    }
}
