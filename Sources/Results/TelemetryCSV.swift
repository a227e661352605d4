import Foundation
import RepatSupport

/// The layout of `telemetry.csv`: one tidy row per measured value (a GPU's power, a scraped
/// Prometheus sample, a RAPL counter), columns documented in `results/README.md`.
///
/// Besides the raw values, the sampler writes a few normalised rows under ``DerivedMetric`` names
/// (total power, requests running and waiting, KV-cache usage), so a chart or a script can read
/// them without knowing each engine's metric names.
public enum TelemetryCSV {
    /// The file's name in the run folder.
    public static let fileName = "telemetry.csv"

    /// Column names, in order.
    public static let columns = ["time_utc", "t_ms", "target", "level", "source", "metric", "labels", "value"]

    /// repat's normalised metrics, written next to the raw rows they come from.
    public enum DerivedMetric: String, Sendable, CaseIterable {
        /// Total power of one provider at one sample, watts; label `provider`.
        case power = "repat:power_w"
        /// Mean GPU utilisation over the provider's GPUs at one sample, percent; label `provider`.
        case gpuUtilization = "repat:gpu_util_pct"
        /// Requests the engine is running (vLLM, llama.cpp, SGLang, TGI names summed).
        case requestsRunning = "repat:requests_running"
        /// Requests waiting in the engine's queue.
        case requestsWaiting = "repat:requests_waiting"
        /// KV-cache usage, percent.
        case kvCacheUsage = "repat:kv_cache_usage_pct"
    }

    /// One row.
    public struct Row: Sendable, Equatable {
        /// Wall-clock time, ISO 8601 UTC with milliseconds.
        public var timeUTC: String
        /// Milliseconds since the run started, on the monotonic clock (as `start_s` × 1000 in
        /// `requests.csv`).
        public var tMs: Double
        /// The target running when the value was taken; empty between levels and at idle.
        public var target: String
        /// The load level running (`c8`), `idle` during the idle baseline, empty between levels.
        public var level: String
        /// What produced it: `nvidia-smi`, `rapl`, `proc`, a scrape URL, `ollama`.
        public var source: String
        /// Metric name (Prometheus name for scraped values).
        public var metric: String
        /// Labels as Prometheus writes them, `gpu="0",name="H100"`; empty for none.
        public var labels: String
        /// The value (`NaN`, `+Inf`, `-Inf` allowed).
        public var value: Double

        /// Creates a row.
        public init(timeUTC: String, tMs: Double, target: String, level: String, source: String, metric: String, labels: String, value: Double) {
            self.timeUTC = timeUTC
            self.tMs = tMs
            self.target = target
            self.level = level
            self.source = source
            self.metric = metric
            self.labels = labels
            self.value = value
        }
    }

    /// The header line, with its line break.
    public static var header: String { columns.joined(separator: ",") + "\n" }

    /// One row as a CSV line, with its line break.
    public static func line(_ row: Row) -> String {
        [
            row.timeUTC, CSVField.fixed3(row.tMs), CSVField.text(row.target), CSVField.text(row.level),
            CSVField.text(row.source), CSVField.text(row.metric), CSVField.text(row.labels), number(row.value),
        ].joined(separator: ",") + "\n"
    }

    /// A value as written: whole numbers without a fraction, others in Swift's shortest exact
    /// form, and Prometheus' spellings `NaN`, `+Inf`, `-Inf`.
    public static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Reads the rows of a parsed `telemetry.csv`.
    /// - Throws: ``ResultsError`` naming `file` and the row when a column is missing or a number
    ///   does not parse.
    public static func rows(from table: CSVTable, file: String) throws(ResultsError) -> [Row] {
        var index: [String: Int] = [:]
        for name in columns {
            guard let column = table.header.firstIndex(of: name) else { throw ResultsError("\(file): no '\(name)' column") }
            index[name] = column
        }
        func cell(_ row: [String], _ name: String) -> String { row[index[name] ?? 0] }
        var rows: [Row] = []
        rows.reserveCapacity(table.rows.count)
        for (number, row) in table.rows.enumerated() {
            guard let tMs = Double(cell(row, "t_ms")), let value = parseValue(cell(row, "value")) else {
                throw ResultsError("\(file): row \(number + 2): t_ms or value is not a number")
            }
            rows.append(Row(
                timeUTC: cell(row, "time_utc"), tMs: tMs, target: cell(row, "target"), level: cell(row, "level"),
                source: cell(row, "source"), metric: cell(row, "metric"), labels: cell(row, "labels"), value: value
            ))
        }
        return rows
    }

    private static func parseValue(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "+Inf": return .infinity
        case "-Inf": return -.infinity
        default: return Double(text)
        }
    }
}
