import Workload

extension RunPlan {
    /// Runs each level `count` times instead of the scenario's `load.repeat` (`repat run --repeat`).
    /// - Throws: ``ScenarioProblems`` when `count` is out of range or the scenario is a saturation
    ///   search, whose levels cannot be repeated.
    public mutating func repeatingLevels(_ count: Int) throws(ScenarioProblems) {
        let file = scenario.locations.file
        guard (1...LoadSpec.maxRepeats).contains(count) else {
            throw ScenarioProblems([ScenarioProblem(file: file, line: nil, field: "--repeat", message: "expected 1 to \(LoadSpec.maxRepeats), got \(count)")])
        }
        if count > 1, search != nil {
            throw ScenarioProblems([ScenarioProblem(file: file, line: nil, field: "--repeat", message: LoadSpec.saturationRepeatProblem)])
        }
        repeats = count
    }

    /// Each level as it runs, in order: the level itself when it runs once, else its repeats
    /// numbered 1…``repeats`` (identical apart from the number).
    public func repeatsOf(_ level: LoadLevel) -> [LoadLevel] {
        guard repeats > 1 else { return [level] }
        return (1...repeats).map { number in
            var repeated = level
            repeated.repetition = number
            return repeated
        }
    }
}
