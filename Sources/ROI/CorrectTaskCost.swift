import Metrics

/// One task priced per *correct* answer on one option: the cost per task divided by the pass rate
/// measured on the identical prompts.
public struct CorrectTaskCost: Sendable, Equatable {
    /// Option name, as in ``TaskCost/option``.
    public var option: String
    /// The target whose answers were scored: the on-prem target for buying and renting (the same
    /// model serves), the API's own target for a measured API.
    public var scoredOn: String
    /// Cost of one task.
    public var perTask: Double
    /// Scored answers and passes at that target's operating point.
    public var quality: QualityTally
    /// Cost per correct task: ``perTask`` ÷ pass rate; infinite when no answer passed.
    public var perCorrectTask: Double

    /// Creates a row; ``perCorrectTask`` is computed from `perTask` and `quality`.
    public init(option: String, scoredOn: String, perTask: Double, quality: QualityTally) {
        self.option = option
        self.scoredOn = scoredOn
        self.perTask = perTask
        self.quality = quality
        let rate = quality.passRate ?? 0
        perCorrectTask = rate > 0 ? perTask / rate : .infinity
    }
}
