/// What reading a scenario file gave: the scenario when the file has no problem, and in any case
/// the parts that could be read, so the checks made after loading (dialects, simulator options,
/// the dataset's lines) still run and a file's problems are all reported in one pass.
public struct ScenarioReading: Sendable {
    /// A target that could be read, with its position in `targets:` (the `N` of `targets[N]`).
    public struct Target: Sendable {
        /// Position in the file's `targets:` list, from 0.
        public var index: Int
        /// What was read of it; fields with problems hold their defaults (an empty dialect, …).
        public var spec: TargetSpec

        /// Creates a read target.
        public init(index: Int, spec: TargetSpec) {
            self.index = index
            self.spec = spec
        }
    }

    /// The scenario; nil when ``problems`` is not empty.
    public var scenario: Scenario?
    /// Every problem the file alone shows, in file order.
    public var problems: [ScenarioProblem]
    /// The targets that could be read, in file order.
    public var targets: [Target]
    /// The scenario's seed (0 when missing or wrong).
    public var seed: UInt64
    /// The dataset the workload names, when its path and format could be read and the file opens.
    public var dataset: (path: String, format: PromptDataset.Format)?
    /// Where each field was defined, for problems found after reading.
    public var locations: SourceLocations

    /// A reading of a correct file: `scenario` and its parts, no problem.
    public init(_ scenario: Scenario) {
        self.scenario = scenario
        problems = []
        targets = scenario.targets.enumerated().map { Target(index: $0.offset, spec: $0.element) }
        seed = scenario.seed
        if case .dataset(let path, let format) = scenario.workload.source { dataset = (path, format) }
        locations = scenario.locations
    }

    /// A reading of a file with problems: what could be read of it.
    init(problems: [ScenarioProblem], targets: [Target] = [], seed: UInt64 = 0,
         dataset: (path: String, format: PromptDataset.Format)? = nil, locations: SourceLocations) {
        scenario = nil
        self.problems = problems
        self.targets = targets
        self.seed = seed
        self.dataset = dataset
        self.locations = locations
    }

    /// A problem located at a field of the file.
    public func problem(at field: String, _ message: String) -> ScenarioProblem {
        locations.problem(at: field, message)
    }
}
