/// The telemetry charts of a report: power and the engine's queue over the run's time, the load
/// levels shaded behind the lines so each stretch of the curve reads against its level.
public enum ReportTelemetryCharts {
    /// Total power per source over time, watts; nil when the run recorded no power.
    public static func power(_ telemetry: ReportTelemetry) -> SVGLineChart? {
        chart(telemetry, telemetry.power, title: "Power — \(telemetry.run)", valueTitle: "power (W)")
    }

    /// Requests running and waiting in the engine over time; nil when no engine was scraped.
    public static func queue(_ telemetry: ReportTelemetry) -> SVGLineChart? {
        chart(telemetry, telemetry.queue, title: "Engine queue — \(telemetry.run)", valueTitle: "requests")
    }

    private static func chart(_ telemetry: ReportTelemetry, _ lines: [ReportTelemetry.Series], title: String, valueTitle: String) -> SVGLineChart? {
        guard !lines.isEmpty else { return nil }
        let series = lines.enumerated().map { index, line in
            SVGSeries(name: line.name, colour: SVGPalette.colour(index), dash: SVGPalette.dash(index / SVGPalette.series.count), points: line.points)
        }
        let times = series.flatMap { $0.points.map(\.x) } + telemetry.levels.flatMap { [$0.start, $0.end] }
        return SVGLineChart(
            title: title,
            x: SVGAxis(title: "seconds since the run started", scale: SVGScale(covering: times, includeZero: true)),
            y: SVGAxis(title: valueTitle, scale: SVGScale(covering: series.flatMap { $0.points.map(\.y) }, includeZero: true)),
            series: series, bands: telemetry.levels, width: 1240
        )
    }
}
