import Foundation
import Metrics

/// A run's `telemetry.csv` as the report draws it: total power per source and the engine's
/// running and waiting requests over time (seconds since the run started), with the windows of
/// the load levels to shade behind them.
public struct ReportTelemetry: Sendable {
    /// One line over time.
    public struct Series: Sendable, Equatable {
        /// Legend name (`nvidia-smi`, `running · http://…/metrics`).
        public var name: String
        /// Points: x seconds since the run started, y the value.
        public var points: [SVGPoint]
    }

    /// The run's name.
    public var run: String
    /// Total power per source and provider, watts (`repat:power_w` rows).
    public var power: [Series]
    /// Requests running and waiting per engine source (`repat:requests_running`,
    /// `repat:requests_waiting` rows).
    public var queue: [Series]
    /// Each target's levels, in run order, from the requests' first send to last end (warm-up
    /// included), plus the idle baseline.
    public var levels: [SVGLineChart.Band]

    /// The telemetry of `run`, or nil when its folder has no readable `telemetry.csv`.
    public static func load(_ run: RunResults) -> ReportTelemetry? {
        var isFolder: ObjCBool = false
        var folder = run.source
        if !(FileManager.default.fileExists(atPath: run.source, isDirectory: &isFolder) && isFolder.boolValue) {
            // The folder of a requests.csv given directly; split by hand, as Foundation's
            // deletingLastPathComponent traps on some sources (tests name runs without a path).
            folder = run.source.lastIndex(of: "/").map { String(run.source[..<$0]) } ?? "."
            if folder.isEmpty { folder = "/" }
        }
        let path = (folder as NSString).appendingPathComponent(TelemetryCSV.fileName)
        guard let data = FileManager.default.contents(atPath: path),
              let table = try? CSVTable.parse(String(decoding: data, as: UTF8.self)),
              let rows = try? TelemetryCSV.rows(from: table, file: path) else { return nil }
        var targets: [String: String] = [:]
        for source in run.metadata?.telemetry?.sources ?? [] {
            if let target = source.target { targets[source.name] = target }
        }
        return ReportTelemetry(run: run.name, rows: rows, records: run.records, sourceTargets: targets)
    }

    /// Gathers the series from `rows` and the level windows from `records` and the idle rows;
    /// `sourceTargets` names the target a source belongs to (from `run.json`), used in legends
    /// instead of the source's URL.
    public init(run: String, rows: [TelemetryCSV.Row], records: [RequestRecord], sourceTargets: [String: String] = [:]) {
        self.run = run
        let sourceName = { (source: String) in sourceTargets[source] ?? source }
        power = Self.series(rows, metrics: [.power]) { row, _ in
            let provider = row.labels.replacingOccurrences(of: "provider=", with: "").replacingOccurrences(of: "\"", with: "")
            return provider == row.source ? provider : "\(provider) · \(sourceName(row.source))"
        }
        queue = Self.series(rows, metrics: [.requestsRunning, .requestsWaiting]) { row, metric in
            "\(metric == .requestsRunning ? "running" : "waiting") · \(sourceName(row.source))"
        }
        var levels: [SVGLineChart.Band] = []
        let idle = rows.filter { $0.level == "idle" }.map(\.tMs)
        if let first = idle.min(), let last = idle.max(), last > first {
            levels.append(SVGLineChart.Band(label: "idle", start: first / 1000, end: last / 1000))
        }
        var order: [String] = []
        var spans: [String: (start: Double, end: Double)] = [:]
        for record in records {
            let key = "\(record.target) \(record.loadLevel)"
            if spans[key] == nil { order.append(key) }
            let end = record.startS + record.durationMs / 1000
            let span = spans[key] ?? (record.startS, end)
            spans[key] = (min(span.start, record.startS), max(span.end, end))
        }
        levels += order.compactMap { key in spans[key].map { SVGLineChart.Band(label: key, start: $0.start, end: $0.end) } }
        self.levels = levels
    }

    /// Whether there is anything to draw.
    public var isEmpty: Bool { power.isEmpty && queue.isEmpty }

    /// One series per (metric, source, labels) among `metrics`, named by `name`, in first-seen order.
    private static func series(
        _ rows: [TelemetryCSV.Row], metrics: [TelemetryCSV.DerivedMetric], name: (TelemetryCSV.Row, TelemetryCSV.DerivedMetric) -> String
    ) -> [Series] {
        var order: [String] = []
        var byKey: [String: Series] = [:]
        for row in rows where row.value.isFinite {
            guard let metric = metrics.first(where: { $0.rawValue == row.metric }) else { continue }
            let key = "\(row.metric)\u{1F}\(row.source)\u{1F}\(row.labels)"
            if byKey[key] == nil {
                order.append(key)
                byKey[key] = Series(name: name(row, metric), points: [])
            }
            byKey[key]?.points.append(SVGPoint(x: row.tMs / 1000, y: row.value))
        }
        return order.compactMap { byKey[$0] }
    }
}
