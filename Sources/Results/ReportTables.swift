import Foundation
import Metrics

/// The tables of a report, built from ``ReportData``.
public enum ReportTables {
    /// Per target and level: requests, errors, throughput and latency percentiles (ms), each
    /// figure as ``FigureText`` writes it in the final table and `summary.csv`; TTFAT's after
    /// TTFT's when requests reasoned; `inputs/s` after `out tok/s` when some level sent embedding
    /// or rerank inputs.
    public static func summary(_ data: ReportData) -> ReportTable {
        let reasoned = data.showsReasoning
        let retrieval = data.lines.contains { $0.levels.contains { $0.summary.inputs > 0 } }
        var headings = [
            "target", "level", "requests", "errors", "req/s", "out tok/s",
            "TTFT p50 ms", "TTFT p99 ms", "TPOT p50 ms", "TPOT p99 ms", "E2E p50 ms", "E2E p99 ms", "lag p99 ms", "status", "SLO",
        ]
        if reasoned { headings.insert(contentsOf: SummaryTable.reasoningHeadings, at: 8) }
        if retrieval { headings.insert(SummaryTable.inputsHeading, at: 6) }
        let rows = data.lines.flatMap { line in
            line.levels.map { level -> [String] in
                let summary = level.summary
                var cells = [
                    line.name, level.level.label, String(summary.requests), String(summary.failed),
                    FigureText.cell(summary.requestsPerSecond), FigureText.cell(summary.outputTokensPerSecond),
                    FigureText.cell(summary.ttft.percentileMs(50)), FigureText.cell(summary.ttft.percentileMs(99)),
                    FigureText.cell(summary.tpot.percentileMs(50)), FigureText.cell(summary.tpot.percentileMs(99)),
                    FigureText.cell(summary.e2e.percentileMs(50)), FigureText.cell(summary.e2e.percentileMs(99)),
                    FigureText.cell(summary.sendLag.percentileMs(99)), level.statusText, level.sloText,
                ]
                if reasoned {
                    cells.insert(contentsOf: [FigureText.cell(summary.ttfat.percentileMs(50)), FigureText.cell(summary.ttfat.percentileMs(99))], at: 8)
                }
                if retrieval { cells.insert(FigureText.cell(summary.inputsPerSecond), at: 6) }
                return cells
            }
        }
        return ReportTable(headings: headings, rows: rows, numericColumns: Set(2..<(headings.count - 2)))
    }

    /// Failed requests per target, level and outcome class, with HTTP statuses and the first error text.
    public static func errors(_ data: ReportData) -> ReportTable {
        var rows: [[String]] = []
        for line in data.lines {
            for level in line.levels {
                for outcome in Outcome.allCases where !outcome.isSuccess {
                    let count = level.summary.outcomes[outcome, default: 0]
                    guard count > 0 else { continue }
                    let statuses = (level.httpStatuses[outcome] ?? []).map(String.init).joined(separator: " ")
                    rows.append([line.name, level.level.label, outcome.rawValue, String(count), statuses, level.firstError[outcome] ?? ""])
                }
            }
        }
        return ReportTable(headings: ["target", "level", "outcome", "requests", "HTTP status", "first error"], rows: rows, numericColumns: [3])
    }

    /// One run's metadata as field/value rows; without `run.json`, just its source.
    public static func metadata(_ run: RunResults) -> ReportTable {
        guard let meta = run.metadata else {
            return ReportTable(headings: ["field", "value"], rows: [["source", run.source], ["run.json", "absent: only requests.csv was read"]])
        }
        let host = meta.host
        let memory = SVGNumber.label(Double(host.memoryBytes) / 1_073_741_824, decimals: 1)
        var rows: [[String]] = [
            ["repat version", meta.repatVersion],
            ["run id", meta.runID],
            ["status", meta.status.rawValue],
            ["scenario", "\(meta.scenarioName) (\(meta.scenarioFile))"],
            ["seed", String(meta.seed)],
            ["started", meta.startedAt],
            ["ended", meta.endedAt ?? "-"],
            ["host", "\(host.os), kernel \(host.kernel), \(host.cpuModel), \(host.cpuCores) cores, \(memory) GiB"],
            ["transport", meta.transport],
            ["load levels", meta.loadLevels.joined(separator: ", ")],
            ["workload", meta.workload.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")],
            ["workload digest", meta.workloadDigest ?? "-"],
            ["SLOs", SLOThresholds(fields: meta.slo)?.summary ?? "none set"],
        ]
        if let calibration = meta.calibration {
            rows.append(["calibration", "\(calibration.target) by \(calibration.method): \(SVGNumber.label(calibration.tokensPerWord, decimals: 3)) tokens/word"])
        }
        rows.append(["source", run.source])
        return ReportTable(headings: ["field", "value"], rows: rows)
    }

    /// One run's targets: name, dialect, model, URL (credentials already stripped), streaming, simulator options.
    public static func targets(_ run: RunResults) -> ReportTable {
        let rows = (run.metadata?.targets ?? []).map { target -> [String] in
            let simulator = (target.simulator ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            return [target.name, target.dialect, target.model, target.baseURL, target.stream ? "yes" : "no", simulator]
        }
        return ReportTable(headings: ["target", "dialect", "model", "base URL", "stream", "simulator"], rows: rows)
    }

    /// One run's per-level outcomes from `run.json`: requests, how each level ended, SLO verdicts
    /// naming each broken limit, early stops.
    public static func levelOutcomes(_ run: RunResults) -> ReportTable {
        let rows = (run.metadata?.levels ?? []).map { level -> [String] in
            let slo = level.sloResult?.describe(failures: level.sloFailures ?? [], status: level.levelStatus) ?? "-"
            return [
                level.target, level.loadLevel, String(level.requests), String(level.warmupRequests), String(level.ok), level.levelStatus.rawValue, slo,
                level.abortReason ?? "",
            ]
        }
        return ReportTable(headings: ["target", "level", "requests", "warm-up", "ok", "status", "SLO", "stopped early"], rows: rows, numericColumns: [2, 3, 4])
    }

    /// One run's saturation search results, one row per target (empty without a search).
    public static func saturation(_ run: RunResults) -> ReportTable {
        let rows = (run.metadata?.saturation ?? []).map { outcome -> [String] in
            [
                outcome.target,
                outcome.maxRate.map { SVGNumber.label($0, decimals: 3) } ?? "none within range",
                outcome.firstFailingRate.map { SVGNumber.label($0, decimals: 3) } ?? "none within range",
            ]
        }
        return ReportTable(headings: ["target", "highest rate meeting SLOs (req/s)", "lowest failing rate (req/s)"], rows: rows, numericColumns: [1, 2])
    }
}
