import Metrics

/// The layout of `summary.csv`: one row per target and load level, columns documented in
/// `results/README.md`. Percentiles come from HdrHistograms (3 significant digits).
public enum SummaryCSV {
    /// One row's input: the level's summary and, when the scenario has SLOs, whether it met them.
    public struct Row: Sendable {
        /// The level's aggregates.
        public var summary: LevelSummary
        /// Whether the level met the scenario's SLOs; nil without SLOs.
        public var meetsSLO: Bool?

        /// Creates a row.
        public init(summary: LevelSummary, meetsSLO: Bool?) {
            self.summary = summary
            self.meetsSLO = meetsSLO
        }
    }

    /// Outcome classes with a count column each (`n_http_5xx`, …), `ok` being its own column.
    static let errorClasses = Outcome.allCases.filter { $0 != .ok }
    /// Distributions with a column group each.
    static let distributions = ["ttft", "tpot", "itl", "e2e", "ttft_sched", "e2e_sched"]
    /// Statistics per distribution, in column order.
    static let statistics = ["mean", "p50", "p90", "p95", "p99", "max"]

    /// Column names, in order.
    public static let columns: [String] = {
        var names = ["target", "load_level", "requests", "ok", "errors"]
        names += errorClasses.map { "n_\($0.rawValue)" }
        names += [
            "warmup_requests", "duration_s", "send_rate_per_s", "req_per_s", "input_tok_per_s", "output_tok_per_s",
            "total_tok_per_s", "goodput_req_per_s",
        ]
        for distribution in distributions {
            names += statistics.map { "\(distribution)_\($0)_ms" }
        }
        names += ["send_lag_p50_ms", "send_lag_p99_ms", "send_lag_max_ms", "meets_slo", "abort_reason", "workload_digest"]
        return names
    }()

    /// The whole file: header and one line per row.
    public static func render(_ rows: [Row]) -> String {
        ([columns.joined(separator: ",")] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    private static func line(_ row: Row) -> String {
        let summary = row.summary
        var cells = [
            CSVField.text(summary.target), CSVField.text(summary.loadLevel), String(summary.requests),
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
            CSVField.fixed3(summary.sendLag.maxMs), row.meetsSLO.map { $0 ? "true" : "false" } ?? "",
            CSVField.text(summary.abortReason ?? ""), summary.workloadDigest ?? "",
        ]
        return cells.joined(separator: ",")
    }
}
