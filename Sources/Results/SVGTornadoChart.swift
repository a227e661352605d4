/// A tornado chart drawn as inline SVG: one horizontal row per input, a bar from the base output to
/// the output with the input at its low value and another to its high value, widest row first, a
/// vertical line at the base, a value axis with grid and a legend.
public struct SVGTornadoChart: Sendable {
    /// One row.
    public struct Bar: Sendable, Equatable {
        /// Input name, drawn left of the row (escaped when drawn).
        public var label: String
        /// Text of the input's low value (e.g. `25%`).
        public var lowText: String
        /// Text of the input's high value.
        public var highText: String
        /// Output with the input low.
        public var low: Double
        /// Output with the input high.
        public var high: Double

        /// Creates a row.
        public init(label: String, lowText: String, highText: String, low: Double, high: Double) {
            self.label = label
            self.lowText = lowText
            self.highText = highText
            self.low = low
            self.high = high
        }
    }

    /// Title above the plot.
    public var title: String
    /// Axis title, with units.
    public var valueTitle: String
    /// The output at base values.
    public var base: Double
    /// Rows, drawn top-down in the order given.
    public var bars: [Bar]
    /// Whole width, px.
    public var width: Double

    /// Colour of the bars for the low input values.
    public static let lowColour = SVGPalette.colour(0)
    /// Colour of the bars for the high input values.
    public static let highColour = SVGPalette.colour(1)

    /// Creates a chart.
    public init(title: String, valueTitle: String, base: Double, bars: [Bar], width: Double = 720) {
        self.title = title
        self.valueTitle = valueTitle
        self.base = base
        self.bars = bars
        self.width = width
    }

    /// The value axis: covering the base and every bar end.
    public var valueScale: SVGScale {
        SVGScale(covering: [base] + bars.flatMap { [$0.low, $0.high] })
    }

    /// The `<svg>` element.
    public func render() -> String {
        let left = 200.0
        let top = SVGLineChart.plotTop + 6
        let right = 70.0
        let rowHeight = 30.0
        let plotWidth = width - left - right
        let plotHeight = max(rowHeight, Double(bars.count) * rowHeight)
        let bottom = top + plotHeight
        var canvas = SVGCanvas(width: width, height: bottom + 60)
        canvas.title(title)
        canvas.rect(x: left, y: top, width: plotWidth, height: plotHeight, fill: "#fafafa")
        let scale = valueScale
        func x(_ value: Double) -> Double { left + plotWidth * scale.fraction(value) }
        for tick in scale.ticks {
            canvas.line(x(tick), top, x(tick), bottom, stroke: "#e3e3e3")
            canvas.text(SVGNumber.label(tick), x: x(tick), y: bottom + 16, anchor: "middle", className: "tick")
        }
        canvas.text(valueTitle, x: left + plotWidth / 2, y: bottom + 36, anchor: "middle", size: 12, fill: "#222", className: "axis-title")
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * rowHeight + 6
            let height = rowHeight - 12
            canvas.text(bar.label, x: left - 8, y: y + height / 2 + 4, anchor: "end", className: "tick")
            for (value, text, colour, side) in [(bar.low, bar.lowText, Self.lowColour, "low"), (bar.high, bar.highText, Self.highColour, "high")] {
                let from = min(x(base), x(value))
                let to = max(x(base), x(value))
                canvas.rect(x: from, y: y, width: max(1, to - from), height: height, fill: colour, title: "\(bar.label) \(side) (\(text)): \(SVGNumber.label(value))")
                let outward = value >= base
                canvas.text(text, x: outward ? to + 4 : from - 4, y: y + height / 2 + 4, anchor: outward ? "start" : "end", size: 10, fill: "#444", className: "bar-label")
            }
        }
        canvas.line(x(base), top - 4, x(base), bottom + 4, stroke: "#222", width: 1.5)
        canvas.line(left, bottom, left + plotWidth, bottom, stroke: "#555")
        let legendHeight = canvas.legend([
            SVGLegendEntry(name: "input at its low value", colour: Self.lowColour, block: true),
            SVGLegendEntry(name: "input at its high value", colour: Self.highColour, block: true),
            SVGLegendEntry(name: "base: \(SVGNumber.label(base))", colour: "#222"),
        ], left: left, top: bottom + 44)
        canvas.height = bottom + 50 + legendHeight
        return canvas.render(label: title)
    }
}
