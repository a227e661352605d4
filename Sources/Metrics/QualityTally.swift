/// Scored answers of one target at one level: how many were judged and how many passed, with the
/// pass rate's 95% Wilson score interval.
public struct QualityTally: Sendable, Equatable, Codable {
    /// Requests with a verdict.
    public private(set) var scored = 0
    /// Requests whose verdict is ``QualityVerdict/pass``.
    public private(set) var passed = 0

    /// No answer scored yet.
    public init() {}

    /// A tally of `passed` passes out of `scored` verdicts (as read back from a file).
    public init(scored: Int, passed: Int) {
        self.scored = scored
        self.passed = min(passed, scored)
    }

    /// Counts one verdict; nil (not scored) counts nothing.
    public mutating func add(_ verdict: QualityVerdict?) {
        guard let verdict else { return }
        scored += 1
        if verdict == .pass { passed += 1 }
    }

    /// Adds another tally of the same target and level.
    public mutating func merge(_ other: QualityTally) {
        scored += other.scored
        passed += other.passed
    }

    /// Passes over scored answers (0…1); nil when none was scored.
    public var passRate: Double? {
        scored == 0 ? nil : Double(passed) / Double(scored)
    }

    /// The 95% Wilson score interval of the pass rate (z = 1.96), within 0…1; nil when none was
    /// scored. Unlike the normal approximation it stays inside 0…1 and is usable at 0 or n passes:
    /// centre (p + z²/2n) / (1 + z²/n), half-width z·√(p(1−p)/n + z²/4n²) / (1 + z²/n).
    public var interval: ClosedRange<Double>? {
        guard scored > 0 else { return nil }
        return Self.wilson(passed: passed, of: scored)
    }

    /// The 95% Wilson score interval of `passed` successes out of `total` > 0 trials.
    public static func wilson(passed: Int, of total: Int, z: Double = 1.96) -> ClosedRange<Double> {
        let n = Double(total)
        let p = Double(passed) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        return max(0, centre - half)...min(1, centre + half)
    }
}
