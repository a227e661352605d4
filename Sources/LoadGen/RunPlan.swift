import CurlTransport
import Dialects
import Metrics
import RepatSupport
import Workload

/// A scenario turned into what the runner executes: resolved targets, load levels and prompts.
/// Building it checks everything the scenario file alone could not (dialect names, simulator
/// options) and reports it against the file's lines.
public struct RunPlan: Sendable {
    /// The scenario.
    public let scenario: Scenario
    /// Targets in scenario order.
    public var targets: [ResolvedTarget]
    /// Load levels in run order (empty for a saturation search).
    public let levels: [LoadLevel]
    /// The saturation search, when the scenario asks for one instead of fixed levels.
    public let search: SaturationSearch?
    /// How many times each level runs: the scenario's `load.repeat`, or `repat run --repeat`
    /// (see ``repeatingLevels(_:)``).
    public internal(set) var repeats: Int
    /// Prompts read from the scenario's dataset file, for dataset workloads.
    public let dataset: PromptDataset?
    /// The replayed requests in send order (the trace's window, cut to the level's limits), for
    /// trace workloads.
    public let trace: [TraceRequest]
    /// What starts the `sim://` targets' servers.
    public let simulators: any SimulatorHost

    /// Resolves `scenario` against the dialect registry and `environment` (API keys, headers);
    /// `simulators` checks the `sim://` targets' options and later starts their servers.
    /// - Throws: ``ScenarioProblems`` for every problem found.
    public init(scenario: Scenario, environment: [String: String], simulators: any SimulatorHost) throws(ScenarioProblems) {
        try self.init(reading: ScenarioReading(scenario), environment: environment, simulators: simulators)
    }

    /// Resolves what a scenario file gave: the loader's problems, then those only a plan finds
    /// (dialects, simulator options, base URLs, every bad dataset line), are reported together,
    /// the scenario file's in file order, then the dataset's; a field the loader already faulted
    /// is not checked again.
    /// - Throws: ``ScenarioProblems`` for every problem found.
    public init(reading: ScenarioReading, environment: [String: String], simulators: any SimulatorHost) throws(ScenarioProblems) {
        var problems = reading.problems + Self.targetProblems(of: reading, environment: environment, simulators: simulators)
        problems = problems.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
        var dataset: PromptDataset?
        if let source = reading.dataset {
            do {
                dataset = try PromptDataset.load(path: source.path, format: source.format)
            } catch {
                problems += error.problems.map { problem in
                    ScenarioProblem(
                        file: problem.file, line: problem.line, field: problem.field,
                        message: "\(problem.message) (workload.dataset of \(reading.locations.file))"
                    )
                }
            }
        }
        problems += Self.toolProblems(of: reading, dataset: dataset)
        problems += Self.outputSchemaProblems(of: reading, dataset: dataset)
        var replay = TraceReplay.none
        if let scenario = reading.scenario, case .trace(let path, let format, let window) = scenario.workload.source {
            do {
                replay = try TraceReplay(path: path, format: format, window: window, load: scenario.load)
            } catch {
                problems.append(ScenarioProblem(file: path, line: nil, field: "", message: "\(error.description) (workload.trace of \(reading.locations.file))"))
            }
        }
        if let dataset, let scenario = reading.scenario, let problem = Self.documentsProblem(dataset, scenario: scenario) {
            problems.append(problem)
        }
        guard problems.isEmpty, let scenario = reading.scenario else { throw ScenarioProblems(problems) }
        let targets = scenario.targets.compactMap { spec in
            DialectRegistry.named(spec.dialect).map { Self.resolve(spec, dialect: $0, workload: scenario.workload, environment: environment) }
        }
        self.scenario = scenario
        self.targets = targets
        self.dataset = dataset
        self.trace = replay.requests
        self.simulators = simulators
        let load = scenario.load
        repeats = load.repeats
        switch load.pattern {
        case .closed(let concurrency, let ramp):
            levels = concurrency.enumerated().map { number, concurrency in
                LoadLevel(.closed(concurrency: concurrency, rampSeconds: ramp), load: load, seed: scenario.seed, number: number, slo: scenario.slo)
            }
            search = nil
        case .open(let rates, let maxInFlight):
            levels = rates.enumerated().map { number, rate in
                LoadLevel(.open(rate: rate, arrival: load.arrival, maxInFlight: maxInFlight), load: load, seed: scenario.seed, number: number, slo: scenario.slo)
            }
            search = nil
        case .saturation(let saturation):
            levels = []
            search = saturation
        case .profile(let profile, let maxInFlight):
            let schedule = FixedSchedule.profile(
                profile, arrival: load.arrival, seed: scenario.seed, requestLimit: load.requests, durationLimit: load.duration
            )
            levels = [LoadLevel(.fixed(schedule, maxInFlight: maxInFlight), load: load, seed: scenario.seed, number: 0, slo: scenario.slo)]
            search = nil
        case .replay(let maxInFlight):
            levels = [LoadLevel(.fixed(replay.schedule, maxInFlight: maxInFlight), load: load, seed: scenario.seed, number: 0, slo: scenario.slo)]
            search = nil
        }
    }

    /// The workload generator, with prompt lengths scaled by a calibration factor (target tokens
    /// per generated word; 1 without calibration).
    public func workload(tokensPerWord: Double = 1) -> WorkloadGenerator {
        WorkloadGenerator(spec: scenario.workload, seed: scenario.seed, dataset: dataset, trace: trace, tokensPerWord: tokensPerWord)
    }

    /// The open-loop level at `rate` for the `probe`-th probe of a saturation search (from 0),
    /// with the scenario's other load settings.
    public func openLevel(rate: Double, probe: Int) -> LoadLevel {
        LoadLevel(
            .open(rate: rate, arrival: scenario.load.arrival, maxInFlight: search?.maxInFlight),
            load: scenario.load, seed: scenario.seed, number: probe, slo: scenario.slo
        )
    }
}

/// One load level: the pattern at one intensity, with the scenario's limits.
public struct LoadLevel: Sendable, Equatable {
    /// Closed or open loop at one intensity.
    public enum Pattern: Sendable, Equatable {
        /// `concurrency` requests kept in flight; with a ramp, reached linearly over `rampSeconds`.
        case closed(concurrency: Int, rampSeconds: Double?)
        /// `rate` requests per second on the arrival process' schedule, at most `maxInFlight`
        /// outstanding when set.
        case open(rate: Double, arrival: ArrivalProcess, maxInFlight: Int?)
        /// Every send time known ahead (a replayed trace, a rate profile), already cut to the
        /// level's request and duration limits; at most `maxInFlight` outstanding when set.
        case fixed(FixedSchedule, maxInFlight: Int?)
    }

    /// The pattern.
    public var pattern: Pattern
    /// Stop after this many requests.
    public var requestLimit: Int?
    /// Start no request after this many seconds.
    public var durationLimit: Double?
    /// Requests `0..<warmupRequests` are warm-up.
    public var warmupRequests: Int
    /// Requests sent in the first seconds of the level are warm-up.
    public var warmupSeconds: Double?
    /// The error-rate guard.
    public var abort: ErrorRateAbort?
    /// Seed of the open-loop schedule: from the scenario's seed and the rate alone, so every
    /// target gets the same schedule at the same rate.
    public var scheduleSeed: UInt64
    /// Request `i` of this level carries workload item `itemOffset + i`. Levels get disjoint items
    /// (level number × ``itemStride``), so a later level never replays an earlier level's prompts
    /// into a warm prefix cache; every target gets the same items at the same level.
    public var itemOffset: Int

    /// Per-request SLOs counted as goodput, when the scenario sets any.
    public var goodput: GoodputCriteria?

    /// The shard this process runs, when the run is split over several (`repat run --shard`):
    /// it sends only the requests whose index is its own, under their global ids; nil for all.
    public var shard: Shard?
    /// Which repeat of its level this run is (1…N) when the level runs more than once; nil when it
    /// runs once. Every repeat has the same items and schedule; records carry the number.
    public var repetition: Int?

    /// Items reserved per level.
    public static let itemStride = 1_000_000_000

    /// Creates a level.
    public init(
        pattern: Pattern, requestLimit: Int?, durationLimit: Double?, warmupRequests: Int = 0,
        warmupSeconds: Double? = nil, abort: ErrorRateAbort? = nil, scheduleSeed: UInt64 = 0, itemOffset: Int = 0,
        goodput: GoodputCriteria? = nil
    ) {
        self.pattern = pattern
        self.requestLimit = requestLimit
        self.durationLimit = durationLimit
        self.warmupRequests = warmupRequests
        self.warmupSeconds = warmupSeconds
        self.abort = abort
        self.scheduleSeed = scheduleSeed
        self.itemOffset = itemOffset
        self.goodput = goodput
    }

    init(_ pattern: Pattern, load: LoadSpec, seed: UInt64, number: Int, slo: SLOSpec?) {
        var scheduleSeed = seed
        if case .open(let rate, _, _) = pattern {
            var generator = SeededGenerator(seed: seed, stream: rate.bitPattern)
            scheduleSeed = generator.next()
        }
        self.init(
            pattern: pattern, requestLimit: load.requests, durationLimit: load.duration,
            warmupRequests: load.warmupRequests, warmupSeconds: load.warmupSeconds, abort: load.abort,
            scheduleSeed: scheduleSeed, itemOffset: number * Self.itemStride,
            goodput: slo.flatMap { GoodputCriteria(perRequest: $0.perRequest) }
        )
    }

    /// The `load_level` label: `c8` for concurrency 8, `r2.5` for 2.5 requests per second.
    public var label: String {
        switch pattern {
        case .closed(let concurrency, _):
            return "c\(concurrency)"
        case .open(let rate, _, _):
            let rounded = (rate * 1000).rounded() / 1000
            return rounded == rounded.rounded() ? "r\(Int(rounded))" : "r\(rounded)"
        case .fixed(let schedule, _):
            return schedule.label
        }
    }
}

extension GoodputCriteria {
    /// Criteria from a scenario's per-request limits; nil when there are none.
    init?(perRequest limits: [String: Double]) {
        guard !limits.isEmpty else { return nil }
        self.init(ttftMs: limits["ttft"], tpotMs: limits["tpot"], e2eMs: limits["e2e"])
    }
}
