/// A baseline and a candidate aligned on load level (and target, when runs are compared), with
/// the measured requests of each side.
public struct ComparisonPair: Sendable {
    /// The baseline's name: a run name, or a target name when targets of one run are compared.
    public var baseline: String
    /// The candidate's name, of the same kind as ``baseline``.
    public var candidate: String
    /// The target both sides ran, when runs are compared; nil when targets are compared.
    public var target: String?
    /// The load level label both sides ran, e.g. `c8`.
    public var loadLevel: String
    /// The baseline's requests at this target and level.
    public var baselineSample: ComparisonSample
    /// The candidate's requests at this target and level.
    public var candidateSample: ComparisonSample

    /// A pair of samples with their names.
    public init(
        baseline: String, candidate: String, target: String?, loadLevel: String,
        baselineSample: ComparisonSample, candidateSample: ComparisonSample
    ) {
        self.baseline = baseline
        self.candidate = candidate
        self.target = target
        self.loadLevel = loadLevel
        self.baselineSample = baselineSample
        self.candidateSample = candidateSample
    }
}
