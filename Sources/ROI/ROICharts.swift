import Results

/// The charts of the one-page ROI report, from a result: monthly cost against volume with the
/// break-even marked, cumulative cash over the hardware's life, and the tornado.
enum ROICharts {
    /// Buying, each rent and the reference API as monthly cost over 0…capacity tokens a month; a
    /// dashed line at the break-even volume (when the hardware reaches it) and a dotted one at the
    /// volume priced.
    static func costAgainstVolume(_ result: ROIResult) -> SVGLineChart {
        let c = result.currency
        let most = result.monthlyCapacity
        var series = result.costLines.enumerated().map { index, line in
            let end = min(most, line.maxVolume ?? most)
            return SVGSeries(
                name: line.option == "buy" ? result.onPrem.name : line.option, colour: SVGPalette.colour(index), dash: SVGPalette.dash(index),
                points: [SVGPoint(x: 0, y: line.monthly(volume: 0)), SVGPoint(x: end, y: line.monthly(volume: end))]
            )
        }
        let top = series.flatMap { $0.points.map(\.y) }.max() ?? 1
        if let breakEven = result.headline.reachableBreakEven {
            let volume = breakEven * most
            series.append(SVGSeries(
                name: "break-even: \(ROIFormat.percent(breakEven)) utilisation, \(ROIFormat.tokens(volume)) tokens", colour: "#c0392b", dash: "5 3",
                points: [SVGPoint(x: volume, y: 0), SVGPoint(x: volume, y: top)]
            ))
        }
        series.append(SVGSeries(
            name: "priced: \(ROIFormat.tokens(result.volume)) tokens a month", colour: "#555", dash: "2 3",
            points: [SVGPoint(x: result.volume, y: 0), SVGPoint(x: result.volume, y: top)]
        ))
        let x = SVGScale(covering: [0, most])
        return SVGLineChart(
            title: "Monthly cost against volume",
            x: SVGAxis(title: "tokens a month (up to the capacity of the hardware priced)", scale: x, tickLabels: x.ticks.map { ROIFormat.tokens($0) }),
            y: moneyAxis("\(c.code) a month", top: top),
            series: series, width: 590
        )
    }

    /// Cumulative cash of each option by month; a dashed line at the payback when it falls within
    /// the hardware's life.
    static func cumulativeCash(_ result: ROIResult) -> SVGLineChart {
        var series = result.cumulativeCash.enumerated().map { index, curve in
            SVGSeries(
                name: curve.option, colour: SVGPalette.colour(index), dash: SVGPalette.dash(index),
                points: curve.cumulative.enumerated().map { SVGPoint(x: Double($0), y: $1) }
            )
        }
        let top = series.flatMap { $0.points.map(\.y) }.max() ?? 1
        if let payback = result.headline.paybackWithinLife {
            series.append(SVGSeries(
                name: "payback: \(ROIFormat.number(payback, decimals: 1)) months", colour: "#c0392b", dash: "5 3",
                points: [SVGPoint(x: payback, y: 0), SVGPoint(x: payback, y: top)]
            ))
        }
        return SVGLineChart(
            title: "Cumulative cash over the hardware's life",
            x: SVGAxis(title: "months", scale: SVGScale(covering: [0, result.headline.lifeMonths])),
            y: moneyAxis("\(result.currency.code) paid so far", top: top),
            series: series, width: 590
        )
    }

    /// A money axis from 0 to `top` whose tick texts stay short (`250 k`, `1.5 M`) so they fit the
    /// margin left of the plot.
    private static func moneyAxis(_ title: String, top: Double) -> SVGAxis {
        let scale = SVGScale(covering: [0, top], includeZero: true)
        return SVGAxis(title: title, scale: scale, tickLabels: scale.ticks.map { tick in
            let size = abs(tick)
            if size >= 1e6 { return SVGNumber.label(tick / 1e6, decimals: 2) + " M" }
            if size >= 1e3 { return SVGNumber.label(tick / 1e3, decimals: 1) + " k" }
            return SVGNumber.label(tick)
        })
    }

    /// The tornado of the saving per 1M tokens.
    static func tornado(_ result: ROIResult) -> SVGTornadoChart {
        SVGTornadoChart(
            title: "What moves the saving per 1M tokens", valueTitle: result.tornado.output, base: result.tornado.base,
            bars: result.tornado.bars.map { SVGTornadoChart.Bar(label: $0.parameter, lowText: $0.lowInput, highText: $0.highInput, low: $0.lowOutput, high: $0.highOutput) },
            width: 1232
        )
    }
}
