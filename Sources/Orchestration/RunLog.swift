import Foundation
import LoadGen
import Metrics
import RepatSupport
import Results
import Workload

/// The event lines a run logs (level start, level end, telemetry per level): formatting only.
enum RunLog {
    /// `closed loop, concurrency 8 (ramp 5 s), 200 requests, up to 60 s`.
    static func describe(_ level: LoadLevel) -> String {
        var parts: [String] = []
        switch level.pattern {
        case .closed(let concurrency, let ramp):
            parts.append("closed loop, concurrency \(concurrency)" + (ramp.map { " (ramp \($0) s)" } ?? ""))
        case .open(let rate, let arrival, let maxInFlight):
            parts.append("open loop, \(rate) req/s \(arrival.name)" + (maxInFlight.map { ", at most \($0) in flight" } ?? ""))
        case .fixed(let schedule, let maxInFlight):
            parts.append(schedule.description + (maxInFlight.map { ", at most \($0) in flight" } ?? ""))
        }
        if let requests = level.requestLimit { parts.append(CountPhrase.text(requests, "request")) }
        if let duration = level.durationLimit { parts.append("up to \(duration) s") }
        return parts.joined(separator: ", ")
    }

    /// `t1 c8`, or `t1 c8 repeat 2` for one repeat of a repeated level: how lines name a level.
    static func name(_ summary: LevelSummary) -> String {
        "\(summary.target) \(summary.loadLevel)" + (summary.repetition.map { " repeat \($0)" } ?? "")
    }

    /// The line that ends a level: counts, rates (embedding or rerank inputs a second when the
    /// level sent any), TTFT p50, send lag p99, the structured-output
    /// valid rate when its requests asked for a schema, TTFAT p50 and the reasoning share when
    /// requests reasoned, requests whose server ignored `max_tokens`, and the SLO verdict;
    /// figures written by ``FigureText`` as in the final table, `summary.csv` and the report. The
    /// rate requests were actually sent at is shown for open loop only: a closed loop sends
    /// whenever a request ends, so its send rate is just its request rate again.
    static func levelEnded(_ summary: LevelSummary, _ verdict: SLOVerdict?, level: LoadLevel) -> String {
        var line = figures(summary)
        if level.schedule != nil, let sendRate = summary.sendRate {
            line += ", sent at \(FigureText.cell(sendRate)) req/s"
        }
        return line + verdictText(verdict)
    }

    /// The line for a level whose `repeats` runs are pooled, once they have all ended:
    /// `t1 c8 (3 repeats pooled): …`, with the same figures as the level's row of the table.
    static func levelEnded(_ summary: LevelSummary, _ verdict: SLOVerdict?, pooledRepeats repeats: Int) -> String {
        figures(summary, name: "\(summary.target) \(summary.loadLevel) (\(repeats) repeats pooled)") + verdictText(verdict)
    }

    private static func figures(_ summary: LevelSummary, name: String? = nil) -> String {
        func ms(_ value: Double?) -> String { value.map { "\(FigureText.cell($0)) ms" } ?? "-" }
        let line = "\(name ?? self.name(summary)): \(CountPhrase.text(summary.requests, "request")), "
            + "\(CountPhrase.text(summary.failed, "error")), \(FigureText.cell(summary.requestsPerSecond)) req/s, "
            + "\(FigureText.cell(summary.outputTokensPerSecond)) output tok/s, "
            + (summary.inputs > 0 ? "\(FigureText.cell(summary.inputsPerSecond)) inputs/s, " : "")
            + "TTFT p50 \(ms(summary.ttft.percentileMs(50))), send lag p99 \(ms(summary.sendLag.percentileMs(99)))"
            + (summary.schemaValidity.checked > 0 ? ", schema valid \(FigureText.cell(summary.schemaValidity.validRate))" : "")
        let reasoning = summary.showsReasoning
            ? "; reasoning: TTFAT p50 \(ms(summary.ttfat.percentileMs(50))), \(FigureText.cell(summary.reasoningShare)) of output tokens" : ""
        return line + reasoning + (SummaryTable.overrunPhrase(summary).map { "; \($0)" } ?? "")
    }

    private static func verdictText(_ verdict: SLOVerdict?) -> String {
        var line = ""
        if let verdict {
            switch verdict.result {
            case .met: line += ", meets SLOs"
            case .missed: line += ", breaks SLOs (\(verdict.failures.joined(separator: "; ")))"
            case .incomplete: line += ", SLOs not judged (level ended early)"
            }
        }
        return line
    }

    /// `sim-fast c8: power 312.4 W mean, 350.1 W peak, idle 80.2 W (nvidia-smi); 1234.5 J;
    /// 0.4121 J/output token, 0.1145 Wh/1k tokens; GPU 87.0%; KV cache peak 43.8%; queue peak 3`,
    /// or nil when nothing was measured.
    static func telemetry(_ summary: LevelSummary) -> String? {
        guard let figures = summary.telemetry else { return nil }
        func number(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }
        var parts: [String] = []
        if let mean = figures.powerMeanW {
            var power = "power \(number(mean, 1)) W mean"
            if let peak = figures.powerPeakW { power += ", \(number(peak, 1)) W peak" }
            if let idle = figures.idlePowerW { power += ", idle \(number(idle, 1)) W" }
            parts.append(power + " (\(figures.powerSource ?? "?"))")
        }
        if let energy = figures.energyJ { parts.append("\(number(energy, 1)) J") }
        if let perToken = figures.joulesPerToken(outputTokens: summary.outputTokens),
           let perThousand = figures.wattHoursPerThousandTokens(outputTokens: summary.outputTokens) {
            parts.append("\(number(perToken, 4)) J/output token, \(number(perThousand, 4)) Wh/1k tokens")
        }
        if let utilization = figures.gpuUtilMeanPct { parts.append("GPU \(number(utilization, 1))%") }
        if let kvCache = figures.kvCachePeakPct { parts.append("KV cache peak \(number(kvCache, 1))%") }
        if let queue = figures.queuePeak { parts.append("queue peak \(number(queue, 0))") }
        return parts.isEmpty ? nil : "\(name(summary)): " + parts.joined(separator: "; ")
    }
}
