import Metrics

/// What answer quality measured on the identical prompts changes in the decision: cost per correct
/// task for every option with a measured pass rate, and a warning when the on-prem model answers
/// worse than the reference API's beyond the 95% intervals. Formulas in docs/roi.md, "Quality".
enum QualityComparison {
    /// The pass rates measured at each priced target's operating point, by target name; targets
    /// with no scored answer are left out.
    static func passRates(_ scenario: ROIScenario) -> [String: QualityTally] {
        var rates: [String: QualityTally] = [:]
        for point in [scenario.operatingPoint] + scenario.otherOperatingPoints + scenario.measuredAPIs.compactMap(\.operatingPoint) {
            let quality = point.measurement.quality
            if quality.scored > 0 { rates[point.measurement.target] = quality }
        }
        return rates
    }

    /// Whether the on-prem target's answers and at least one API target's answers were scored on
    /// the same prompts: then a verdict against a different model rests on measured quality.
    static func comparesOnPremWithAPI(_ scenario: ROIScenario, rates: [String: QualityTally]) -> Bool {
        rates[scenario.operatingPoint.measurement.target] != nil && scenario.measuredAPIs.contains { rates[$0.target] != nil }
    }

    /// Cost per correct task for each task row with a measured pass rate: buying and renting use
    /// the on-prem target's rate, a measured API its own target's; an API not measured in the run
    /// has no row.
    static func correctTaskCosts(_ tasks: [TaskCost], scenario: ROIScenario, rates: [String: QualityTally]) -> [CorrectTaskCost] {
        let onPrem = scenario.operatingPoint.measurement.target
        return tasks.compactMap { task in
            let isAPI = task.option.hasPrefix("API ")
            let scoredOn = isAPI ? scenario.measuredAPIs.first { "API \($0.priceID)" == task.option }?.target : onPrem
            guard let scoredOn, let quality = rates[scoredOn] else { return nil }
            return CorrectTaskCost(option: task.option, scoredOn: scoredOn, perTask: task.perTask, quality: quality)
        }
    }

    /// A sentence for the verdict when the on-prem target's pass rate is below the reference API's
    /// target's and their 95% intervals do not overlap; nil otherwise (or when either is unmeasured).
    static func warning(_ scenario: ROIScenario, referenceID: String, rates: [String: QualityTally]) -> String? {
        let onPremName = scenario.operatingPoint.measurement.target
        guard let reference = scenario.measuredAPIs.first(where: { $0.priceID == referenceID }),
              let own = rates[onPremName], let theirs = rates[reference.target],
              let ownInterval = own.interval, let theirInterval = theirs.interval,
              ownInterval.upperBound < theirInterval.lowerBound
        else { return nil }
        func rate(_ tally: QualityTally, _ interval: ClosedRange<Double>) -> String {
            "\(ROIFormat.percent(tally.passRate ?? 0)) (95% \(ROIFormat.percent(interval.lowerBound))–\(ROIFormat.percent(interval.upperBound)))"
        }
        return "Quality warning: \(onPremName) passed \(rate(own, ownInterval)) of the identical prompts, below \(reference.target) "
            + "(\(referenceID)) at \(rate(theirs, theirInterval)); compare the cost per correct task, not per token."
    }
}
