extension BootstrapInterval {
    /// The two-level (cluster) bootstrap interval of `statistic(candidate*) − statistic(baseline*)`
    /// for samples made of repeats: each round, each side draws as many repeats as it has, with
    /// replacement, then resamples the requests of every repeat drawn, and the statistic is taken
    /// over the requests so drawn. The interval therefore holds the spread between repeats (a
    /// slower or faster repeat is drawn more or less often), not only the spread between requests
    /// that ``difference(baseline:candidate:resamples:confidence:using:statistic:)`` measures; with
    /// identical repeats the two agree. A side with one repeat draws it every round without using
    /// the generator, so with one repeat per side this is exactly the within-run interval.
    ///
    /// Empty repeats are ignored; rounds where either side's statistic is nil are skipped; nil
    /// when every round was, or when a side has no element.
    public static func twoLevelDifference<Element, Generator: RandomNumberGenerator>(
        baseline: [[Element]], candidate: [[Element]], resamples: Int, confidence: Double, using generator: inout Generator,
        baselineStatistic: ([Element]) -> Double?, candidateStatistic: ([Element]) -> Double?
    ) -> BootstrapInterval? {
        let baseline = baseline.filter { !$0.isEmpty }
        let candidate = candidate.filter { !$0.isEmpty }
        guard !baseline.isEmpty, !candidate.isEmpty, resamples > 0 else { return nil }
        var differences: [Double] = []
        differences.reserveCapacity(resamples)
        var baselineDraw: [Element] = []
        var candidateDraw: [Element] = []
        var scratch: [Element] = []
        for _ in 0..<resamples {
            resample(repeats: baseline, into: &baselineDraw, scratch: &scratch, using: &generator)
            resample(repeats: candidate, into: &candidateDraw, scratch: &scratch, using: &generator)
            guard let before = baselineStatistic(baselineDraw), let after = candidateStatistic(candidateDraw) else { continue }
            differences.append(after - before)
        }
        return central(differences, confidence: confidence)
    }

    /// Fills `draw` with one two-level resample of `repeats`: as many repeats as there are, drawn
    /// with replacement (no draw when there is one), each contributing a resample of its own
    /// elements of its own size.
    private static func resample<Element, Generator: RandomNumberGenerator>(
        repeats: [[Element]], into draw: inout [Element], scratch: inout [Element], using generator: inout Generator
    ) {
        draw.removeAll(keepingCapacity: true)
        let count = UInt64(repeats.count)
        for _ in repeats.indices {
            let chosen = count == 1 ? repeats[0] : repeats[Int(generator.next(upperBound: count))]
            scratch = chosen
            resample(chosen, into: &scratch, using: &generator)
            draw.append(contentsOf: scratch)
        }
    }
}
