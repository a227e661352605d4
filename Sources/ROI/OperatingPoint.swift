import Results

/// The load level a target is priced at: the highest one that met the scenario's SLOs.
public struct OperatingPoint: Sendable, Equatable {
    /// The chosen level.
    public var measurement: LevelMeasurement
    /// Whether the level met the SLOs (nil when the scenario set none; for a partial level, whether
    /// the part that ran met them).
    public var meetsSLO: Bool?
    /// Why this level, in one sentence for the report.
    public var reason: String
    /// A sentence the verdict must carry: the level was interrupted and priced only because
    /// `--allow-partial` asked; nil for a completed level.
    public var caveat: String?

    /// Picks the operating point among `levels` of one target.
    ///
    /// Levels stopped by the error-rate guard or without a successful request never qualify;
    /// interrupted levels (the run was stopped during them) qualify only with `allowPartial`, judged
    /// by the requests they measured, and the reason and ``caveat`` say so. Among levels that met
    /// the SLOs (every level when the scenario set none), the one with the highest offered load
    /// wins (`c32` over `c8`; labels without a number rank by throughput), ties going to the higher
    /// throughput. When no level met the SLOs, `allowSLOMiss` takes the level with the highest
    /// throughput instead; otherwise it is an error.
    /// - Throws: ``ROIError`` naming the target and each level's verdict.
    public static func pick(_ levels: [LevelMeasurement], allowSLOMiss: Bool, allowPartial: Bool = false) throws(ROIError) -> OperatingPoint {
        guard let target = levels.first?.target else { throw ROIError("no load level to price") }
        let interrupted = levels.filter { $0.status == .interrupted }
        let usable = levels.filter {
            $0.succeeded > 0 && ($0.abortReason ?? "").isEmpty && $0.status != .aborted && ($0.status == .completed || allowPartial)
        }
        let skipped = allowPartial || interrupted.isEmpty
            ? "" : "; interrupted level\(interrupted.count == 1 ? "" : "s") \(interrupted.map(\.level).joined(separator: ", ")) not considered (pass --allow-partial to price one)"
        guard !usable.isEmpty else {
            throw ROIError("target \(target): no load level finished with a successful request\(skipped)")
        }
        let judged = usable.contains { $0.meetsSLO != nil }
        let passing = judged ? usable.filter { $0.meetsSLO == true } : usable
        if let best = passing.max(by: lowerLoad) {
            let reason = judged
                ? "highest load level meeting the SLOs (\(best.level))"
                : "the scenario sets no SLOs: highest load level run (\(best.level))"
            return OperatingPoint(measurement: best, meetsSLO: judged ? true : nil, reason: reason + partialNote(best) + skipped, caveat: caveat(best))
        }
        let verdicts = levels.map { "\($0.level) \(verdict($0))" }.joined(separator: ", ")
        guard allowSLOMiss, let fastest = usable.max(by: { $0.totalTokensPerSecond < $1.totalTokensPerSecond }) else {
            throw ROIError("target \(target): no load level met the SLOs (\(verdicts)); rerun at lower load, or pass --allow-slo-miss to price the fastest level anyway\(skipped)")
        }
        return OperatingPoint(
            measurement: fastest, meetsSLO: false,
            reason: "no level met the SLOs (\(verdicts)); priced at the fastest level \(fastest.level) as --allow-slo-miss asked" + partialNote(fastest) + skipped,
            caveat: caveat(fastest)
        )
    }

    /// `met`, `missed`, or `incomplete (interrupted)` for a partial level.
    private static func verdict(_ level: LevelMeasurement) -> String {
        level.status.isPartial ? "incomplete (\(level.status.rawValue))" : level.meetsSLO == true ? "met" : "missed"
    }

    private static func partialNote(_ level: LevelMeasurement) -> String {
        level.status.isPartial ? "; the level was \(level.status.rawValue) after \(level.requests) requests and is judged on those, as --allow-partial asked" : ""
    }

    private static func caveat(_ level: LevelMeasurement) -> String? {
        guard level.status.isPartial else { return nil }
        return "Priced at \(level.target) \(level.level), a level \(level.status.rawValue) after \(level.requests) requests (--allow-partial): its figures cover only the part that ran."
    }

    /// Orders by offered load, then by throughput.
    private static func lowerLoad(_ a: LevelMeasurement, _ b: LevelMeasurement) -> Bool {
        switch (a.offeredLoad, b.offeredLoad) {
        case let (x?, y?) where x != y: return x < y
        default: return a.totalTokensPerSecond < b.totalTokensPerSecond
        }
    }
}
