import Foundation
import RepatSupport

/// The CSV form of a ``SelfBenchReport``: one row per figure, `section,case,metric,value,unit,target,met`
/// (documented in `results/README.md`). Values are plain numbers; `target` and `met` are filled
/// on goal rows only.
public enum SelfBenchCSV {
    /// Column names, in order.
    public static let columns = ["section", "case", "metric", "value", "unit", "target", "met"]

    /// The whole file: header and one line per figure.
    public static func render(_ report: SelfBenchReport) -> String {
        var lines = [columns.joined(separator: ",")]
        func add(_ section: String, _ name: String, _ metric: String, _ value: Double?, _ unit: String, digits: Int = 3) {
            lines.append([section, name, metric, value.map { NumberText.fixed($0, digits) } ?? "", unit, "", ""].map(CSVField.text).joined(separator: ","))
        }
        for row in report.ceiling {
            let name = "\(row.shape) c\(row.concurrency)"
            add("ceiling", name, "requests", Double(row.requests), "count", digits: 0)
            add("ceiling", name, "failures", Double(row.failures), "count", digits: 0)
            add("ceiling", name, "events_per_s", row.eventsPerSecond, "1/s")
            add("ceiling", name, "requests_per_s", row.requestsPerSecond, "1/s")
            add("ceiling", name, "client_cpu_pct", row.clientCPUPercent, "% of a core")
            add("ceiling", name, "simulator_cpu_s", row.simulatorCPUSeconds, "s")
            add("ceiling", name, "client_cpu_s_per_million_events", row.clientCPUSecondsPerMillionEvents, "s")
            add("ceiling", name, "events_per_client_cpu_s", row.eventsPerClientCoreSecond, "1/s")
        }
        for row in report.timestampError {
            let name = "\(row.streams) streams"
            add("timestamp_error", name, "streams_requested", Double(row.streamsRequested), "count", digits: 0)
            add("timestamp_error", name, "peak_open_streams", Double(row.peakOpenStreams), "count", digits: 0)
            add("timestamp_error", name, "inter_token_ms", row.interTokenMs, "ms")
            add("timestamp_error", name, "tokens", Double(row.tokens), "count", digits: 0)
            add("timestamp_error", name, "error_p50_us", row.errorP50Us, "us")
            add("timestamp_error", name, "error_p99_us", row.errorP99Us, "us")
            add("timestamp_error", name, "error_p99_9_us", row.errorP999Us, "us")
            add("timestamp_error", name, "error_max_us", row.errorMaxUs, "us")
            add("timestamp_error", name, "coalesced_fraction", row.coalescedFraction, "fraction", digits: 4)
            add("timestamp_error", name, "events_per_s", row.eventsPerSecond, "1/s")
            add("timestamp_error", name, "client_cpu_pct", row.clientCPUPercent, "% of a core")
            add("timestamp_error", name, "simulator_cpu_pct", row.simulatorCPUPercent, "% of a core")
            add("timestamp_error", name, "client_cpu_s_per_million_events", row.clientCPUSecondsPerMillionEvents, "s")
            add("timestamp_error", name, "failures", Double(row.failures), "count", digits: 0)
        }
        if let row = report.schedule {
            let name = "poisson \(NumberText.fixed(row.requestedRate, 1))/s"
            add("schedule", name, "requested_rate", row.requestedRate, "1/s")
            add("schedule", name, "scheduled_rate", row.scheduledRate, "1/s")
            add("schedule", name, "achieved_rate", row.achievedRate, "1/s")
            add("schedule", name, "deviation_from_schedule", row.deviationFromSchedule, "fraction", digits: 5)
            add("schedule", name, "deviation_from_requested", row.deviationFromRequested, "fraction", digits: 5)
            add("schedule", name, "send_lag_p50_ms", row.lagP50Ms, "ms")
            add("schedule", name, "send_lag_p99_ms", row.lagP99Ms, "ms")
            add("schedule", name, "send_lag_p99_9_ms", row.lagP999Ms, "ms")
            add("schedule", name, "send_lag_max_ms", row.lagMaxMs, "ms")
            add("schedule", name, "requests", Double(row.requests), "count", digits: 0)
            add("schedule", name, "failures", Double(row.failures), "count", digits: 0)
            add("schedule", name, "client_cpu_pct", row.clientCPUPercent, "% of a core")
        }
        for row in report.payloads {
            add("payload", row.name, "responses", Double(row.requests), "count", digits: 0)
            add("payload", row.name, "failures", Double(row.failures), "count", digits: 0)
            add("payload", row.name, "megabytes_per_s", row.megabytesPerSecond, "MB/s")
            add("payload", row.name, "client_cpu_ms_per_mb", row.clientCPUMsPerMegabyte, "ms")
            add("payload", row.name, "client_cpu_pct", row.clientCPUPercent, "% of a core")
        }
        for goal in report.goals {
            lines.append(["goal", goal.name, "measured", goal.measured, "", goal.target, goal.met.map { $0 ? "true" : "false" } ?? ""].map(CSVField.text).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
