import Metrics

/// Lines up what `compare` was given into baseline/candidate pairs.
///
/// Two or more runs: the first run (or the one named by `baseline`) is the baseline and every
/// other run a candidate, aligned on (target, load level). One run with two or more targets: the
/// first target (or the one named by `baseline`) is the baseline and every other target a
/// candidate, aligned on load level. Pairs come in input order, then first-appearance order.
public enum ComparisonAlignment {
    /// The aligned pairs.
    /// - Parameter baseline: a run's name or path (several runs), or a target name (one run).
    /// - Throws: ``ComparisonError`` when there is nothing to compare, the baseline is unknown, or
    ///   no target and level appear on both sides.
    public static func pairs(_ runs: [RunResults], baseline: String? = nil) throws(ComparisonError) -> [ComparisonPair] {
        let pairs: [ComparisonPair]
        switch runs.count {
        case 0:
            throw ComparisonError("nothing to compare: give two or more runs, or one run with two or more targets")
        case 1:
            pairs = try targetPairs(runs[0], baseline: baseline)
        default:
            pairs = try runPairs(runs, baseline: baseline)
        }
        guard !pairs.isEmpty else {
            throw ComparisonError("nothing to compare: no target and load level appears in both the baseline and a candidate")
        }
        return pairs
    }

    private static func runPairs(_ runs: [RunResults], baseline: String?) throws(ComparisonError) -> [ComparisonPair] {
        var baselineIndex = 0
        if let baseline {
            guard let index = runs.firstIndex(where: { $0.name == baseline || $0.source == baseline }) else {
                let names = runs.map(\.name).joined(separator: ", ")
                throw ComparisonError("--baseline \(baseline): no such run among the inputs (\(names))")
            }
            baselineIndex = index
        }
        let base = runs[baselineIndex]
        let baseGroups = groups(base.records)
        var pairs: [ComparisonPair] = []
        for (index, run) in runs.enumerated() where index != baselineIndex {
            let candidateGroups = groups(run.records)
            for key in baseGroups.order {
                guard let baselineRecords = baseGroups.records[key], let candidateRecords = candidateGroups.records[key] else { continue }
                pairs.append(ComparisonPair(
                    baseline: base.name, candidate: run.name, target: key.target, loadLevel: key.level,
                    baselineSample: ComparisonSample(records: baselineRecords),
                    candidateSample: ComparisonSample(records: candidateRecords)
                ))
            }
        }
        return pairs
    }

    private static func targetPairs(_ run: RunResults, baseline: String?) throws(ComparisonError) -> [ComparisonPair] {
        let grouped = groups(run.records)
        var targets: [String] = []
        for key in grouped.order where !targets.contains(key.target) { targets.append(key.target) }
        guard targets.count >= 2 else {
            throw ComparisonError(
                "nothing to compare: \(run.name) has \(targets.count == 1 ? "one target" : "no requests"); "
                    + "give two or more runs, or one run with two or more targets"
            )
        }
        let baseTarget = baseline ?? targets[0]
        guard targets.contains(baseTarget) else {
            throw ComparisonError("--baseline \(baseTarget): no such target in \(run.name) (\(targets.joined(separator: ", ")))")
        }
        var pairs: [ComparisonPair] = []
        for target in targets where target != baseTarget {
            for key in grouped.order where key.target == baseTarget {
                guard let baselineRecords = grouped.records[key],
                      let candidateRecords = grouped.records[GroupKey(target: target, level: key.level)]
                else { continue }
                pairs.append(ComparisonPair(
                    baseline: baseTarget, candidate: target, target: nil, loadLevel: key.level,
                    baselineSample: ComparisonSample(records: baselineRecords),
                    candidateSample: ComparisonSample(records: candidateRecords)
                ))
            }
        }
        return pairs
    }

    private struct GroupKey: Hashable {
        var target: String
        var level: String
    }

    private static func groups(_ records: [RequestRecord]) -> (order: [GroupKey], records: [GroupKey: [RequestRecord]]) {
        var order: [GroupKey] = []
        var byKey: [GroupKey: [RequestRecord]] = [:]
        for record in records {
            let key = GroupKey(target: record.target, level: record.loadLevel)
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(record)
        }
        return (order, byKey)
    }
}
