import Foundation
import Metrics
import RepatSupport

/// The layout of `summary.csv`: one row per target and load level, columns documented in
/// `results/README.md`; when levels were repeated, each level's row (its repeats pooled, `repeat`
/// empty) is followed by one row per repeat. Percentiles come from HdrHistograms (3 significant
/// digits).
public enum SummaryCSV {
    /// One row's input: the level's summary, how it ended and, when the scenario has SLOs, its verdict.
    public struct Row: Sendable {
        /// The level's aggregates.
        public var summary: LevelSummary
        /// How the level ended.
        public var status: LevelStatus
        /// The level's SLO verdict; nil without SLOs.
        public var slo: SLOResult?
        /// The limits the requests measured broke (see ``RunMetadata/LevelOutcome/sloFailures``).
        public var sloFailures: [String]
        /// The client's own load over the level and whether it was saturated; nil when not measured.
        public var clientHealth: ClientHealth?

        /// Creates a row.
        public init(summary: LevelSummary, status: LevelStatus = .completed, slo: SLOResult?, sloFailures: [String] = [], clientHealth: ClientHealth? = nil) {
            self.summary = summary
            self.status = status
            self.slo = slo
            self.sloFailures = sloFailures
            self.clientHealth = clientHealth
        }

        /// The row of `summary` with what `run.json` records about its level.
        public init(summary: LevelSummary, outcome: RunMetadata.LevelOutcome) {
            self.init(
                summary: summary, status: outcome.levelStatus, slo: outcome.sloResult, sloFailures: outcome.sloFailures ?? [],
                clientHealth: outcome.clientHealth
            )
        }

        /// The SLO cell of tables: `met`, `missed: <broken limits>`, `incomplete (interrupted)`, or
        /// `-` without SLOs.
        public var sloText: String {
            slo?.describe(failures: sloFailures, status: status) ?? "-"
        }
    }

    /// Outcome classes with a count column each (`n_http_5xx`, …), `ok` being its own column.
    static let errorClasses = Outcome.allCases.filter { $0 != .ok }
    /// Distributions with a column group each.
    static let distributions = ["ttft", "tpot", "itl", "e2e", "ttft_sched", "e2e_sched"]
    /// Statistics per distribution, in column order.
    static let statistics = ["mean", "p50", "p90", "p95", "p99", "max"]

    /// Telemetry columns, after `workload_digest`; empty when not measured (see ``LevelTelemetry``).
    public static let telemetryColumns = [
        "power_mean_w", "power_peak_w", "idle_power_w", "energy_j", "j_per_output_token", "wh_per_1k_tokens",
        "gpu_util_mean_pct", "kv_cache_peak_pct", "queue_peak", "power_source",
    ]

    /// Client self-monitoring columns, after the telemetry columns (see ``ClientHealth``); empty
    /// when not measured.
    public static let clientColumns = [
        "client_cpu_s", "client_cpu_pct", "send_lag_p99_9_ms", "client_ceiling_fraction", "client_saturated", "client_saturation_reason",
    ]

    /// Answer-quality columns, after the client columns (see ``QualityTally``); empty when no
    /// answer was scored. The tool columns follow them, then `schema_valid_rate` (see
    /// ``ValidityTally``), `inputs_per_s` and the reasoning columns.
    public static let qualityColumns = ["quality_scored", "quality_pass_rate", "quality_pass_low", "quality_pass_high"]

    /// Tool-call and task columns, after the quality columns: the share of requests with tool
    /// calls whose arguments were valid (``ValidityTally``), and task latency percentiles
    /// (``LevelSummary/task``); empty when not measured.
    public static let toolColumns = ["tool_args_valid_rate", "task_p50_ms", "task_p90_ms", "task_p99_ms", "task_max_ms"]
    /// Reasoning columns, last: the time to first answer token's statistics
    /// (as ``statistics``) and the reasoning share of output tokens; empty when no request got an
    /// answer or reported reasoning.
    public static let reasoningColumns = statistics.map { "ttfat_\($0)_ms" } + ["reasoning_share"]

    /// Column names, in order.
    public static let columns: [String] = {
        var names = ["target", "load_level", "repeat", "requests", "ok", "errors"]
        names += errorClasses.map { "n_\($0.rawValue)" }
        names += [
            "warmup_requests", "duration_s", "send_rate_per_s", "req_per_s", "input_tok_per_s", "output_tok_per_s",
            "total_tok_per_s", "goodput_req_per_s",
        ]
        for distribution in distributions {
            names += statistics.map { "\(distribution)_\($0)_ms" }
        }
        names += ["send_lag_p50_ms", "send_lag_p99_ms", "send_lag_max_ms", "status", "meets_slo", "slo_failures", "abort_reason", "workload_digest"]
        names += telemetryColumns
        names += clientColumns
        names += qualityColumns
        names += toolColumns
        names += ["schema_valid_rate"]
        names += ["inputs_per_s"]
        names += reasoningColumns
        return names
    }()

    /// The whole file: header and one line per row.
    public static func render(_ rows: [Row]) -> String {
        ([columns.joined(separator: ",")] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    private static func line(_ row: Row) -> String {
        let summary = row.summary
        var cells = [
            CSVField.text(summary.target), CSVField.text(summary.loadLevel), summary.repetition.map(String.init) ?? "", String(summary.requests),
            String(summary.succeeded), String(summary.failed),
        ]
        cells += errorClasses.map { String(summary.outcomes[$0, default: 0]) }
        cells += [
            String(summary.warmupRequests), CSVField.fixed3(summary.durationS), CSVField.fixed3(summary.sendRate),
            CSVField.fixed3(summary.requestsPerSecond), CSVField.fixed3(summary.inputTokensPerSecond),
            CSVField.fixed3(summary.outputTokensPerSecond),
            CSVField.fixed3(summary.inputTokensPerSecond + summary.outputTokensPerSecond),
            CSVField.fixed3(summary.goodputPerSecond),
        ]
        for distribution in [summary.ttft, summary.tpot, summary.itl, summary.e2e, summary.ttftFromScheduled, summary.e2eFromScheduled] {
            cells += [
                CSVField.fixed3(distribution.meanMs), CSVField.fixed3(distribution.percentileMs(50)),
                CSVField.fixed3(distribution.percentileMs(90)), CSVField.fixed3(distribution.percentileMs(95)),
                CSVField.fixed3(distribution.percentileMs(99)), CSVField.fixed3(distribution.maxMs),
            ]
        }
        cells += [
            CSVField.fixed3(summary.sendLag.percentileMs(50)), CSVField.fixed3(summary.sendLag.percentileMs(99)),
            CSVField.fixed3(summary.sendLag.maxMs), row.status.rawValue, row.slo?.csvCell ?? "",
            CSVField.text(row.sloFailures.joined(separator: "; ")), CSVField.text(summary.abortReason ?? ""), summary.workloadDigest ?? "",
        ]
        let telemetry = summary.telemetry ?? LevelTelemetry()
        cells += [
            CSVField.fixed3(telemetry.powerMeanW), CSVField.fixed3(telemetry.powerPeakW), CSVField.fixed3(telemetry.idlePowerW),
            CSVField.fixed3(telemetry.energyJ), fixed6(telemetry.joulesPerToken(outputTokens: summary.outputTokens)),
            fixed6(telemetry.wattHoursPerThousandTokens(outputTokens: summary.outputTokens)),
            CSVField.fixed3(telemetry.gpuUtilMeanPct), CSVField.fixed3(telemetry.kvCachePeakPct),
            CSVField.fixed3(telemetry.queuePeak), CSVField.text(telemetry.powerSource ?? ""),
        ]
        let health = row.clientHealth
        cells += [
            CSVField.fixed3(health?.cpuSeconds), CSVField.fixed3(health?.cpuPercent), CSVField.fixed3(health?.sendLagP999Ms),
            fixed6(health?.ceilingFraction), health.map { $0.saturated ? "true" : "false" } ?? "",
            CSVField.text(health?.reasons.joined(separator: "; ") ?? ""),
        ]
        let quality = summary.quality
        cells += [
            quality.scored > 0 ? String(quality.scored) : "", CSVField.fixed3(quality.passRate),
            CSVField.fixed3(quality.interval?.lowerBound), CSVField.fixed3(quality.interval?.upperBound),
        ]
        let task = summary.task
        cells += [
            CSVField.fixed3(summary.toolCalls.validRate), CSVField.fixed3(task.percentileMs(50)), CSVField.fixed3(task.percentileMs(90)),
            CSVField.fixed3(task.percentileMs(99)), CSVField.fixed3(task.maxMs),
        ]
        cells.append(CSVField.fixed3(summary.schemaValidity.validRate))
        cells.append(CSVField.fixed3(summary.inputsPerSecond))
        let ttfat = summary.ttfat
        cells += [
            CSVField.fixed3(ttfat.meanMs), CSVField.fixed3(ttfat.percentileMs(50)), CSVField.fixed3(ttfat.percentileMs(90)),
            CSVField.fixed3(ttfat.percentileMs(95)), CSVField.fixed3(ttfat.percentileMs(99)), CSVField.fixed3(ttfat.maxMs),
            CSVField.fixed3(summary.reasoningShare),
        ]
        return cells.joined(separator: ",")
    }

    /// Six decimals, for per-token energy (fractions of a joule); empty for nil or non-finite.
    private static func fixed6(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return String(format: "%.6f", value)
    }
}
