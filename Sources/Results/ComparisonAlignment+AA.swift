import Metrics

extension ComparisonAlignment {
    /// A/A pairs (`compare RUN --aa TARGET`): at each load level of `target`, its odd-numbered
    /// repeats (baseline) against its even-numbered ones (candidate). Alternate halves rather
    /// than first against second half, so a drift over the run falls on both. Nothing differs
    /// but chance, so every verdict should be noise, and how far the intervals reach is the
    /// noise floor of this setup.
    /// - Throws: ``ComparisonError`` when `run` has no such target or it ran each level once.
    public static func aaPairs(_ run: RunResults, target: String) throws(ComparisonError) -> [ComparisonPair] {
        var targets: [String] = []
        for record in run.records where !targets.contains(record.target) { targets.append(record.target) }
        guard targets.contains(target) else {
            throw ComparisonError("--aa \(target): no such target in \(run.name) (\(targets.joined(separator: ", ")))")
        }
        var levels: [String] = []
        var halves: [String: (odd: [RequestRecord], even: [RequestRecord])] = [:]
        for record in run.records where record.target == target {
            if halves[record.loadLevel] == nil { levels.append(record.loadLevel) }
            if record.repetition % 2 == 1 {
                halves[record.loadLevel, default: ([], [])].odd.append(record)
            } else {
                halves[record.loadLevel, default: ([], [])].even.append(record)
            }
        }
        let pairs = levels.compactMap { level -> ComparisonPair? in
            guard let half = halves[level], !half.odd.isEmpty, !half.even.isEmpty else { return nil }
            return ComparisonPair(
                baseline: "\(target) odd repeats", candidate: "\(target) even repeats", target: nil, loadLevel: level,
                baselineSample: ComparisonSample(records: half.odd), candidateSample: ComparisonSample(records: half.even)
            )
        }
        guard !pairs.isEmpty else {
            throw ComparisonError(
                "--aa \(target): \(run.name) ran each level of \(target) once; an A/A comparison needs repeats "
                    + "(load.repeat or repat run --repeat; 4 or more judge between repeats)"
            )
        }
        return pairs
    }
}
