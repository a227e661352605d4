import Metrics
@testable import Results
import Testing

private func run(_ name: String, _ records: [RequestRecord]) -> RunResults {
    RunResults(source: "/tmp/\(name)", name: name, metadata: nil, records: records)
}

@Suite("Comparison alignment")
struct ComparisonAlignmentTests {
    @Test("runs align on target and level; pairs missing from a side are skipped")
    func runsAlign() throws {
        let base = run("base", syntheticRecords(seed: 1, count: 10, target: "a", level: "c1")
            + syntheticRecords(seed: 2, count: 10, target: "a", level: "c8") + syntheticRecords(seed: 3, count: 10, target: "b", level: "c1"))
        let candidate = run("cand", syntheticRecords(seed: 4, count: 10, target: "b", level: "c1")
            + syntheticRecords(seed: 5, count: 10, target: "a", level: "c1"))
        let pairs = try ComparisonAlignment.pairs([base, candidate])
        #expect(pairs.map { "\($0.baseline)>\($0.candidate):\($0.target ?? "-")/\($0.loadLevel)" } == ["base>cand:a/c1", "base>cand:b/c1"])

        let reversed = try ComparisonAlignment.pairs([base, candidate], baseline: "cand")
        #expect(reversed.map(\.baseline) == ["cand", "cand"])
        #expect(reversed.map(\.candidate) == ["base", "base"])
        #expect(try ComparisonAlignment.pairs([base, candidate], baseline: "/tmp/cand").count == 2)
    }

    @Test("one run with several targets compares each with the first target, or the named one")
    func targetsWithinRun() throws {
        let records = syntheticRecords(seed: 1, count: 10, target: "fast", level: "c1") + syntheticRecords(seed: 2, count: 10, target: "slow", level: "c1")
            + syntheticRecords(seed: 3, count: 10, target: "fast", level: "c8") + syntheticRecords(seed: 4, count: 10, target: "slow", level: "c8")
            + syntheticRecords(seed: 5, count: 10, target: "other", level: "c8")
        let pairs = try ComparisonAlignment.pairs([run("one", records)])
        #expect(pairs.map { "\($0.baseline)>\($0.candidate)/\($0.loadLevel)" } == ["fast>slow/c1", "fast>slow/c8", "fast>other/c8"])
        #expect(pairs.allSatisfy { $0.target == nil })
        let named = try ComparisonAlignment.pairs([run("one", records)], baseline: "slow")
        #expect(named.map { "\($0.baseline)>\($0.candidate)/\($0.loadLevel)" } == ["slow>fast/c1", "slow>fast/c8", "slow>other/c8"])
    }

    @Test("nothing to compare, an unknown baseline, or nothing aligned is an error of one line")
    func errors() {
        let single = run("one", syntheticRecords(seed: 1, count: 5, target: "a"))
        let other = run("two", syntheticRecords(seed: 1, count: 5, target: "b"))
        let cases: [([RunResults], String?, String)] = [
            ([], nil, "nothing to compare"),
            ([single], nil, "nothing to compare: one has one target"),
            ([single, other], nil, "nothing to compare: no target and load level"),
            ([single, single], "zzz", "--baseline zzz: no such run"),
            ([run("multi", single.records + other.records)], "zzz", "--baseline zzz: no such target in multi (a, b)"),
        ]
        for (runs, baseline, prefix) in cases {
            #expect {
                _ = try ComparisonAlignment.pairs(runs, baseline: baseline)
            } throws: { error in
                let description = (error as? ComparisonError)?.description ?? ""
                return description.hasPrefix(prefix) && !description.contains("\n")
            }
        }
    }
}
