import RepatSupport
import Testing
import Workload

@Suite("Shards of a split run")
struct ShardTests {
    @Test("the shards' open-loop arrivals partition the single schedule exactly: same indices, same intended offsets, each once", arguments: 0..<40)
    func openLoopPartition(trial: Int) {
        var random = SeededGenerator(seed: 0x5EED_0000 + UInt64(trial))
        let count = Int(random.next() % 16) + 1
        let arrivals = Int(random.next() % 400)
        let rate = Double(random.next() % 200 + 1) / 4
        let process: ArrivalProcess = [.constant, .poisson, .gamma(burstiness: 0.5)][Int(random.next() % 3)]
        let seed = random.next()
        let single = process.schedule(rate: rate, count: arrivals, durationNs: nil, seed: seed)
        var union: [Int: UInt64] = [:]
        for index in 0..<count {
            let shard = Shard(index: index, count: count)!
            let own = shard.arrivals(of: process.schedule(rate: rate, count: arrivals, durationNs: nil, seed: seed))
            #expect(own.count == shard.share(of: single.count), "shard \(shard) sends its share")
            for arrival in own {
                #expect(union[arrival.index] == nil, "request \(arrival.index) sent by two shards")
                #expect(shard.owns(arrival.index))
                union[arrival.index] = arrival.offsetNs
            }
        }
        #expect(union.count == single.count)
        #expect(single.enumerated().allSatisfy { union[$0.offset] == $0.element }, "\(count) shards, seed \(seed)")
    }

    @Test("closed-loop shares of a concurrency or request count add up to it and differ by at most one; local tickets map onto 0..<total once", arguments: 0..<40)
    func closedLoopShares(trial: Int) {
        var random = SeededGenerator(seed: 0xC105_0000 + UInt64(trial))
        let count = Int(random.next() % 12) + 1
        let total = Int(random.next() % 1000)
        let shards = (0..<count).map { Shard(index: $0, count: count)! }
        let shares = shards.map { $0.share(of: total) }
        #expect(shares.reduce(0, +) == total)
        #expect((shares.max() ?? 0) - (shares.min() ?? 0) <= 1)
        let ids = shards.flatMap { shard in (0..<shard.share(of: total)).map { shard.globalIndex(local: $0) } }
        #expect(ids.sorted() == Array(0..<total))
    }

    @Test("a prefix 0..<M holds exactly `sent` of a shard's indices for every length prefixLengths(sent:) gives, and for no other")
    func prefixLengths() {
        for count in 1...6 {
            for index in 0..<count {
                let shard = Shard(index: index, count: count)!
                for sent in 0...5 {
                    let lengths = shard.prefixLengths(sent: sent)
                    for length in 0...40 {
                        #expect(lengths.contains(length) == (shard.share(of: length) == sent), "\(shard) sent \(sent), prefix \(length)")
                    }
                }
            }
        }
    }

    @Test("--shard i/N reads 0-based shards and names what is wrong")
    func parse() throws {
        #expect(try Shard.parse("2/4") == Shard(index: 2, count: 4))
        #expect(throws: Shard.ParseError.self) { try Shard.parse("4/4") }
        #expect(throws: Shard.ParseError.self) { try Shard.parse("1-4") }
        #expect(throws: Shard.ParseError.self) { try Shard.parse("0/0") }
        #expect(Shard(index: 2, count: 4)?.folderName == "shard-2-of-4")
    }

    @Test("--shard auto reads Slurm array tasks (from SLURM_ARRAY_TASK_MIN) and Kubernetes Indexed Job pods")
    func environment() throws {
        #expect(try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4"]) == Shard(index: 3, count: 4))
        #expect(try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "2"]) == Shard(index: 3, count: 4))
        #expect(try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "1", "REPAT_SHARD_COUNT": "3"]) == Shard(index: 1, count: 3))
        let missingCount = #expect(throws: Shard.ParseError.self) { try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "1"]) }
        #expect(missingCount?.description.contains("REPAT_SHARD_COUNT") == true)
        let outside = #expect(throws: Shard.ParseError.self) {
            try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "4"])
        }
        #expect(outside?.description.contains("SLURM_ARRAY_TASK_MIN") == true)
        #expect(throws: Shard.ParseError.self) { try Shard.fromEnvironment([:]) }
    }
}
