import Metrics
import Results
import Workload

/// Whether a load level met the scenario's SLOs, and which limits it broke.
public struct SLOVerdict: Sendable, Equatable {
    /// Met, missed, or incomplete when the level ended early (never met then, whatever its
    /// partial figures say).
    public var result: SLOResult
    /// One phrase per limit broken by the requests measured, e.g. `ttft_p99_ms 2412.0 > 2000.0`.
    public var failures: [String]

    /// True when the level completed and every limit held.
    public var passed: Bool { result == .met }

    /// Checks `summary`, a level that ended with `status`, against `slo`. Latency limits on TTFT
    /// and E2E use the times counted from the *scheduled* send (a client that falls behind its
    /// schedule must not make a level look better); a level with no successful request fails every
    /// latency limit. A partial level is ``SLOResult/incomplete``; its ``failures`` still name what
    /// the part that ran broke.
    public init(slo: SLOSpec, summary: LevelSummary, status: LevelStatus = .completed) {
        var failures: [String] = []
        for limit in slo.limits {
            let distribution = switch limit.metric {
            case "ttft": summary.ttftFromScheduled
            case "tpot": summary.tpot
            case "itl": summary.itl
            default: summary.e2eFromScheduled
            }
            guard let value = distribution.percentileMs(limit.percentile) else {
                failures.append("\(limit.field): no successful request")
                continue
            }
            if value > limit.maxMs {
                failures.append("\(limit.field) \(Self.format(value)) > \(Self.format(limit.maxMs))")
            }
        }
        if let maxErrorRate = slo.maxErrorRate, summary.requests > 0 {
            let rate = Double(summary.failed) / Double(summary.requests)
            if rate > maxErrorRate {
                failures.append("error rate \(Self.format(rate * 100))% > \(Self.format(maxErrorRate * 100))%")
            }
        }
        result = SLOResult(passed: failures.isEmpty, status: status)
        self.failures = failures
    }

    /// The figure as every output prints it (three decimals, see `FigureText`), so a broken
    /// limit quotes the same number as the table beside it.
    private static func format(_ value: Double) -> String {
        FigureText.cell(value)
    }
}
