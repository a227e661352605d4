import Yams

/// `load.rate` as a profile: `{steps: [{duration: 2m, rate: 2}, …]}` or `{hourly_weights: [24
/// numbers], mean_rate: 5, duration: 24m}` (a day compressed into the duration).
extension ScenarioLoader {
    /// Whether `rate:` is a mapping (a profile) rather than a number or a list of levels.
    static func rateIsProfile(_ fields: YAMLFields) -> Bool {
        if case .mapping? = fields.node("rate") { return true }
        return false
    }

    /// The profile under `load.rate`; nil (with problems reported) when it is wrong.
    func readRateProfile(_ fields: YAMLFields, into report: inout ProblemReport) -> RateProfile? {
        guard let node = fields.node("rate"),
              let rate = YAMLFields(node, path: "load.rate", allowed: ["steps", "hourly_weights", "mean_rate", "duration"], into: &report)
        else { return nil }
        switch (rate.node("steps"), rate.node("hourly_weights")) {
        case (.some(let steps), .none):
            for name in ["mean_rate", "duration"] where rate.node(name) != nil {
                report.add(rate.field(name), line: rate.node(name)?.mark?.line, "applies to hourly_weights only (each step has its own duration and rate)")
            }
            guard case .sequence(let items) = steps, !items.isEmpty else {
                report.add(rate.field("steps"), line: steps.mark?.line, "expected a list of {duration, rate} steps")
                return nil
            }
            var profile: [RateProfile.Step] = []
            for (index, item) in items.enumerated() {
                guard let step = YAMLFields(item, path: "load.rate.steps[\(index)]", allowed: ["duration", "rate"], into: &report),
                      let seconds = step.seconds("duration", required: true, into: &report),
                      let value = step.double("rate", required: true, range: 0...1_000_000, into: &report)
                else { continue }
                profile.append(RateProfile.Step(seconds: seconds, rate: value))
            }
            return profile.count == items.count ? RateProfile(steps: profile) : nil
        case (.none, .some):
            guard let weights = rate.doubleList("hourly_weights", range: 0...1e15, into: &report) else { return nil }
            guard weights.count == 24 else {
                report.add(rate.field("hourly_weights"), line: rate.node("hourly_weights")?.mark?.line, "expected 24 weights (hour 0 to 23), got \(weights.count)")
                return nil
            }
            guard weights.contains(where: { $0 > 0 }) else {
                report.add(rate.field("hourly_weights"), line: rate.node("hourly_weights")?.mark?.line, "expected at least one hour above 0")
                return nil
            }
            guard let mean = rate.double("mean_rate", required: true, range: 0.001...1_000_000, into: &report),
                  let seconds = rate.seconds("duration", required: true, into: &report)
            else { return nil }
            return RateProfile(hourlyWeights: weights, meanRate: mean, seconds: seconds)
        default:
            report.add("load.rate", line: node.mark?.line, "a rate profile has steps (a list of {duration, rate}) or hourly_weights (24 numbers with mean_rate and duration), one of them")
            return nil
        }
    }
}
