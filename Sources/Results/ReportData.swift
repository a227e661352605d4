import Metrics

/// Everything a report shows, gathered from one or more runs: per target (of each run) its load
/// levels with summaries, sorted latency samples for the CDFs, and failures by outcome class.
public struct ReportData: Sendable {
    /// One target of one run: one colour in every chart.
    public struct Line: Sendable {
        /// The run's name (run id or CSV file name).
        public var run: String
        /// Target name.
        public var target: String
        /// Name in legends and tables: the target, prefixed with the run when several runs are shown.
        public var name: String
        /// Chart colour, `#rrggbb`.
        public var colour: String
        /// Levels, lightest load first.
        public var levels: [Level]
    }

    /// One target at one load level.
    public struct Level: Sendable {
        /// The level.
        public var level: ReportLevel
        /// Aggregates, warm-up excluded.
        public var summary: LevelSummary
        /// TTFT of successful requests, ms, ascending.
        public var ttftMs: [Double]
        /// TPOT of successful requests, ms, ascending.
        public var tpotMs: [Double]
        /// E2E latency of successful requests, ms, ascending.
        public var e2eMs: [Double]
        /// Time to first answer token of successful requests that got an answer, ms, ascending.
        public var ttfatMs: [Double]
        /// The first error text seen per failed outcome class (may be empty).
        public var firstError: [Outcome: String]
        /// HTTP status codes seen per failed outcome class, ascending (0 = no response).
        public var httpStatuses: [Outcome: [Int]]
        /// What `run.json` records about the level (status, SLO verdict); nil without `run.json`.
        public var outcome: RunMetadata.LevelOutcome?

        /// How the level ended, or `-` when the run has no `run.json`.
        public var statusText: String { outcome?.levelStatus.rawValue ?? "-" }

        /// The SLO verdict with each broken limit named (`missed: ttft_p99_ms 2412.000 > 2000.000`),
        /// `incomplete (interrupted)`, or `-` without SLOs or `run.json`.
        public var sloText: String {
            guard let outcome, let result = outcome.sloResult else { return "-" }
            return result.describe(failures: outcome.sloFailures ?? [], status: outcome.levelStatus)
        }
    }

    /// The runs, in the order given.
    public var runs: [RunResults]
    /// Targets of every run, run by run, each in the order it first appears in its file.
    public var lines: [Line]
    /// The telemetry of each run that recorded any (`telemetry.csv`), in run order.
    public var telemetry: [ReportTelemetry]

    /// Gathers the report's figures from `runs`.
    public init(runs: [RunResults]) {
        self.runs = runs
        var lines: [Line] = []
        for run in runs {
            let summaries = run.summaries()
            let outcomes = Dictionary((run.metadata?.levels ?? []).map { ($0.target + "\u{1F}" + $0.loadLevel, $0) }, uniquingKeysWith: { first, _ in first })
            var targets: [String] = []
            for summary in summaries where !targets.contains(summary.target) { targets.append(summary.target) }
            for target in targets {
                let levels = summaries.filter { $0.target == target }.map { summary in
                    Self.level(
                        summary, records: run.records.filter { $0.target == target && $0.loadLevel == summary.loadLevel && !$0.warmup },
                        outcome: outcomes[target + "\u{1F}" + summary.loadLevel]
                    )
                }
                let name = runs.count > 1 ? "\(run.name) · \(target)" : target
                lines.append(Line(run: run.name, target: target, name: name, colour: SVGPalette.colour(lines.count), levels: levels.sorted { $0.level < $1.level }))
            }
        }
        self.lines = lines
        telemetry = runs.compactMap(ReportTelemetry.load).filter { !$0.isEmpty }
    }

    /// The SLO limits of every run that set any, each limit once (runs of one scenario share them).
    public var sloLimits: [SLOThresholds.Limit] {
        var limits: [SLOThresholds.Limit] = []
        for run in runs {
            for limit in SLOThresholds(fields: run.metadata?.slo)?.limits ?? [] where !limits.contains(limit) { limits.append(limit) }
        }
        return limits
    }

    /// Whether any level shown ended before its limit (interrupted or aborted).
    public var hasPartialLevels: Bool {
        lines.contains { $0.levels.contains { $0.outcome?.levelStatus.isPartial == true } }
    }

    /// Every level any line ran, lightest load first, each once.
    public var allLevels: [ReportLevel] {
        Array(Set(lines.flatMap { $0.levels.map(\.level) })).sorted()
    }

    /// Whether any level's requests reasoned: the report then shows the time to first answer
    /// token beside the time to first token.
    public var showsReasoning: Bool {
        lines.contains { $0.levels.contains { $0.summary.showsReasoning } }
    }

    /// Whether any request of any line failed.
    public var hasFailures: Bool {
        lines.contains { $0.levels.contains { $0.summary.failed > 0 } }
    }

    /// Failed outcome classes that occur anywhere, in ``Outcome`` declaration order.
    public var failedOutcomes: [Outcome] {
        Outcome.allCases.filter { outcome in
            !outcome.isSuccess && lines.contains { $0.levels.contains { $0.summary.outcomes[outcome, default: 0] > 0 } }
        }
    }

    private static func level(_ summary: LevelSummary, records: [RequestRecord], outcome: RunMetadata.LevelOutcome?) -> Level {
        let succeeded = records.filter { $0.status.isSuccess }
        var firstError: [Outcome: String] = [:]
        var statuses: [Outcome: Set<Int>] = [:]
        for record in records where !record.status.isSuccess {
            if firstError[record.status] == nil || firstError[record.status] == "" { firstError[record.status] = record.error }
            statuses[record.status, default: []].insert(record.httpStatus)
        }
        return Level(
            level: ReportLevel(summary.loadLevel),
            summary: summary,
            ttftMs: succeeded.compactMap(\.ttftMs).sorted(),
            tpotMs: succeeded.compactMap(\.tpotMs).sorted(),
            e2eMs: succeeded.compactMap(\.e2eMs).sorted(),
            ttfatMs: succeeded.compactMap(\.ttfatMs).sorted(),
            firstError: firstError,
            httpStatuses: statuses.mapValues { $0.sorted() },
            outcome: outcome
        )
    }
}
