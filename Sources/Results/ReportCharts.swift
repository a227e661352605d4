import Foundation
import Metrics

/// The charts of a report, built from ``ReportData`` as SVG chart values (render them to draw).
public enum ReportCharts {
    /// A latency measure plotted in a CDF.
    public enum Latency: String, CaseIterable, Sendable {
        /// Time to first token.
        case ttft = "TTFT"
        /// Time per output token.
        case tpot = "TPOT"
        /// End-to-end latency.
        case e2e = "E2E"
        /// Time to first answer token (drawn when requests reasoned).
        case ttfat = "TTFAT"

        /// Long name for chart titles.
        public var title: String {
            switch self {
            case .ttft: "Time to first token"
            case .tpot: "Time per output token"
            case .e2e: "End-to-end latency"
            case .ttfat: "Time to first answer token"
            }
        }

        /// The sorted samples of one level.
        func samples(_ level: ReportData.Level) -> [Double] {
            switch self {
            case .ttft: level.ttftMs
            case .tpot: level.tpotMs
            case .e2e: level.e2eMs
            case .ttfat: level.ttfatMs
            }
        }

        /// The level's distribution of this latency.
        func distribution(_ summary: LevelSummary) -> LatencyDistribution {
            switch self {
            case .ttft: summary.ttft
            case .tpot: summary.tpot
            case .e2e: summary.e2e
            case .ttfat: summary.ttfat
            }
        }
    }

    /// The latencies a report draws: TTFT, TPOT and E2E, and TTFAT when requests reasoned.
    public static func latencies(_ data: ReportData) -> [Latency] {
        Latency.allCases.filter { $0 != .ttfat || data.showsReasoning }
    }

    /// Most levels drawn in one CDF (one dash pattern each); more are thinned out evenly.
    public static let maxCDFLevels = SVGPalette.dashes.count
    /// Most points drawn per CDF line.
    static let maxCDFPoints = 160
    /// Values spanning more than this ratio get a logarithmic axis.
    static let logRatio = 30.0

    /// The levels drawn in the CDFs: all when few, else an even selection that keeps the lightest
    /// and the heaviest.
    public static func cdfLevels(_ data: ReportData) -> [ReportLevel] {
        let all = data.allLevels
        guard all.count > maxCDFLevels else { return all }
        return (0..<maxCDFLevels).map { all[Int((Double($0) * Double(all.count - 1) / Double(maxCDFLevels - 1)).rounded())] }
    }

    /// Colour of the SLO limit lines.
    public static let sloColour = "#c0392b"

    /// CDF of one latency: one line per target and level; colour marks the target, dashes the level;
    /// a vertical line at each SLO limit on this latency, labelled with its percentile.
    public static func cdf(_ latency: Latency, _ data: ReportData) -> SVGLineChart {
        let levels = cdfLevels(data)
        var series: [SVGSeries] = []
        for line in data.lines {
            for level in line.levels {
                guard let rank = levels.firstIndex(of: level.level) else { continue }
                series.append(SVGSeries(
                    name: "\(line.name) \(level.level.label)", colour: line.colour, dash: SVGPalette.dash(rank),
                    points: cdfPoints(latency.samples(level))
                ))
            }
        }
        let sloLines = series.contains(where: { !$0.points.isEmpty })
            ? data.sloLimits.filter { $0.metric == latency.rawValue.lowercased() }.map(sloSeries) : []
        series += sloLines
        let values = series.flatMap { $0.points.map(\.x) }
        let x = SVGAxis(title: "\(latency.rawValue) (ms)", scale: SVGScale(covering: values, logarithmic: spansDecades(values), includeZero: true))
        let y = SVGAxis(title: "fraction of requests", scale: SVGScale(fixed: 0, 1, ticks: [0, 0.25, 0.5, 0.75, 1]), tickLabels: ["0%", "25%", "50%", "75%", "100%"])
        var legend = data.lines.map { SVGLegendEntry(name: $0.name, colour: $0.colour) }
        if levels.count > 1 {
            legend += levels.enumerated().map { SVGLegendEntry(name: $0.element.label, colour: "#666", dash: SVGPalette.dash($0.offset)) }
        }
        legend += sloLines.map { SVGLegendEntry(name: $0.name, colour: $0.colour, dash: $0.dash) }
        return SVGLineChart(title: "\(latency.title) (\(latency.rawValue)) — CDF", x: x, y: y, series: series, legend: legend)
    }

    /// A vertical line from 0% to 100% at the limit, named `SLO ttft_p99_ms ≤ 300 ms`, its top
    /// labelled `p99 ≤ 300` (`per request ≤ 500` for a goodput limit).
    static func sloSeries(_ limit: SLOThresholds.Limit) -> SVGSeries {
        let bound = SVGNumber.label(limit.maxMs)
        let label = limit.percentile.map { "p\(SVGNumber.label($0)) ≤ \(bound)" } ?? "per request ≤ \(bound)"
        return SVGSeries(
            name: "SLO \(limit.field) ≤ \(bound) ms", colour: sloColour, dash: "2,3",
            points: [SVGPoint(x: limit.maxMs, y: 0), SVGPoint(x: limit.maxMs, y: 1)], pointLabels: ["", label]
        )
    }

    /// Output tokens/s (x) against a latency percentile (y), one polyline per target across its
    /// levels, each point labelled with its level.
    public static func throughputLatency(_ latency: Latency, percentile: Double, _ data: ReportData) -> SVGLineChart {
        let series = data.lines.map { line in
            let points = line.levels.compactMap { level -> (SVGPoint, String)? in
                let distribution = latency.distribution(level.summary)
                guard let value = distribution.percentileMs(percentile) else { return nil }
                return (SVGPoint(x: level.summary.outputTokensPerSecond, y: value), level.level.label)
            }
            return SVGSeries(name: line.name, colour: line.colour, points: points.map(\.0), pointLabels: points.map(\.1), markers: true)
        }
        let xs = series.flatMap { $0.points.map(\.x) }
        let ys = series.flatMap { $0.points.map(\.y) }
        let name = "\(latency.rawValue) p\(SVGNumber.label(percentile))"
        return SVGLineChart(
            title: "\(name) vs output throughput",
            x: SVGAxis(title: "output tokens/s", scale: SVGScale(covering: xs, includeZero: true)),
            y: SVGAxis(title: "\(name) (ms)", scale: SVGScale(covering: ys, logarithmic: spansDecades(ys), includeZero: true)),
            series: series
        )
    }

    /// Output tokens/s at each load level, one polyline per target; levels evenly spaced.
    public static func throughputByLevel(_ data: ReportData) -> SVGLineChart {
        let levels = data.allLevels
        let series = data.lines.map { line in
            SVGSeries(
                name: line.name, colour: line.colour,
                points: line.levels.compactMap { level in
                    levels.firstIndex(of: level.level).map { SVGPoint(x: Double($0), y: level.summary.outputTokensPerSecond) }
                },
                markers: true
            )
        }
        let x = SVGAxis(
            title: ReportLevel.axisTitle(for: levels),
            scale: SVGScale(fixed: -0.5, Double(levels.count) - 0.5, ticks: levels.indices.map(Double.init)),
            tickLabels: levels.map(\.label)
        )
        let y = SVGAxis(title: "output tokens/s", scale: SVGScale(covering: series.flatMap { $0.points.map(\.y) }, includeZero: true))
        return SVGLineChart(title: "Output throughput by load level", x: x, y: y, series: series)
    }

    /// Failed requests per target and level, stacked by outcome class.
    public static func errors(_ data: ReportData) -> SVGBarChart {
        let bars = data.lines.flatMap { line in line.levels.map { (line.name + " " + $0.level.label, $0.summary) } }
        let stacks = data.failedOutcomes.map { outcome in
            SVGBarChart.Stack(name: outcome.rawValue, colour: colour(outcome), values: bars.map { Double($0.1.outcomes[outcome, default: 0]) })
        }
        return SVGBarChart(title: "Failed requests by outcome", valueTitle: "requests", categories: bars.map(\.0), stacks: stacks)
    }

    /// A fixed colour per failed outcome class, so the same class looks the same in every report;
    /// classes added later fall back to grey.
    public static func colour(_ outcome: Outcome) -> String {
        outcomeColours[outcome] ?? "#777777"
    }

    private static let outcomeColours: [Outcome: String] = [
        .ok: "#59a14f", .incomplete: "#f28e2b", .http4xx: "#b07aa1", .http429: "#edc948", .http5xx: "#e15759",
        .streamError: "#ff9da7", .timeoutConnect: "#9c755f", .timeoutIdle: "#c49c6b", .timeoutTotal: "#7a5230",
        .connectError: "#4e79a7", .tlsError: "#76b7b2", .parseError: "#8c8c3a", .cancelled: "#bab0ac", .transportError: "#555555",
    ]

    /// Points of an empirical CDF from ascending samples: a step line for few samples, evenly
    /// spaced quantiles for many.
    static func cdfPoints(_ sorted: [Double]) -> [SVGPoint] {
        let count = sorted.count
        guard count > 0 else { return [] }
        if count <= maxCDFPoints / 2 {
            var points: [SVGPoint] = []
            for (index, value) in sorted.enumerated() {
                points.append(SVGPoint(x: value, y: Double(index) / Double(count)))
                points.append(SVGPoint(x: value, y: Double(index + 1) / Double(count)))
            }
            return points
        }
        return (0...maxCDFPoints).map { step in
            let fraction = Double(step) / Double(maxCDFPoints)
            let index = min(count - 1, Int((fraction * Double(count)).rounded(.up)) - 1)
            return SVGPoint(x: sorted[max(0, index)], y: fraction)
        }
    }

    private static func spansDecades(_ values: [Double]) -> Bool {
        let positive = values.filter { $0 > 0 && $0.isFinite }
        guard let low = positive.min(), let high = positive.max() else { return false }
        return high / low > logRatio
    }
}
