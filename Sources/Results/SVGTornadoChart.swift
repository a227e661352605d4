/// A tornado chart drawn as inline SVG: one horizontal row per input, a bar from the base output to
/// the output with the input at its low value and another to its high value, widest row first, a
/// vertical line at the base and a dashed one at zero, a value axis with grid and a legend.
///
/// Labels are laid out before drawing (``layout()``): the input names get a column as wide as the
/// longest, and the plot keeps room on both sides for the value texts beside the bar ends, so no
/// label overlaps another or leaves the canvas. When both ends of a row fall on the same side of
/// the base, the row is split: the low bar above, the high bar below.
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

    /// One bar as laid out: its rectangle and its value text.
    public struct PlacedBar: Sendable, Equatable {
        /// Rectangle, px.
        public var x: Double, y: Double, width: Double, height: Double
        /// `low` or `high`.
        public var side: String
        /// The value text beside the bar's end.
        public var text: SVGTextBox
    }

    /// Where everything goes, px.
    public struct Layout: Sendable, Equatable {
        /// Left edge of the plot area.
        public var plotLeft: Double
        /// Width of the plot area.
        public var plotWidth: Double
        /// Top of the plot area.
        public var plotTop: Double
        /// Height of the plot area.
        public var plotHeight: Double
        /// Input names, one per row.
        public var labels: [SVGTextBox]
        /// Bars, two per row.
        public var bars: [PlacedBar]
        /// Tick texts under the plot, one per tick of `scale`.
        public var ticks: [SVGTextBox]
        /// The x of a value.
        public var scale: SVGScale
        /// Left edge of the span values map onto (inside the plot, leaving room for value texts).
        public var valueLeft: Double
        /// Width of that span.
        public var valueWidth: Double

        /// The x of `value`, px.
        public func x(_ value: Double) -> Double { valueLeft + valueWidth * scale.fraction(value) }

        /// Every text box of the plot: names, value texts and ticks.
        public var texts: [SVGTextBox] { labels + bars.map(\.text) + ticks }
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
    /// Font size of the input names, px.
    static let labelSize = SVGCanvas.smallFont
    /// Font size of the value texts, px.
    static let valueSize = 10.0
    /// Height of one row, px.
    static let rowHeight = 34.0

    /// Creates a chart.
    public init(title: String, valueTitle: String, base: Double, bars: [Bar], width: Double = 720) {
        self.title = title
        self.valueTitle = valueTitle
        self.base = base
        self.bars = bars
        self.width = width
    }

    /// The value axis: covering zero, the base and every bar end.
    public var valueScale: SVGScale {
        SVGScale(covering: [base] + bars.flatMap { [$0.low, $0.high] }, includeZero: true)
    }

    /// Places every label and bar.
    public func layout() -> Layout {
        let names = bars.map { fitted($0.label) }
        let nameWidth = names.map { SVGTextBox.width($0, size: Self.labelSize) }.max() ?? 0
        let plotLeft = 12 + nameWidth + 10
        let plotWidth = width - plotLeft - 16
        let valueRoom = (bars.flatMap { [$0.lowText, $0.highText] }.map { SVGTextBox.width($0, size: Self.valueSize) }.max() ?? 0) + 8
        let tickRoom = 24.0
        let margin = max(valueRoom, tickRoom)
        let valueLeft = plotLeft + margin
        let valueWidth = max(40, plotWidth - 2 * margin)
        let top = SVGLineChart.plotTop + 6
        let plotHeight = max(Self.rowHeight, Double(bars.count) * Self.rowHeight)
        let scale = valueScale
        var layout = Layout(
            plotLeft: plotLeft, plotWidth: plotWidth, plotTop: top, plotHeight: plotHeight, labels: [], bars: [], ticks: [], scale: scale,
            valueLeft: valueLeft, valueWidth: valueWidth
        )
        let baseX = layout.x(base)
        for (index, bar) in bars.enumerated() {
            let rowTop = top + Double(index) * Self.rowHeight + 5
            let height = Self.rowHeight - 10
            layout.labels.append(SVGTextBox(names[index], x: plotLeft - 10, y: rowTop + height / 2 + 4, anchor: "end", size: Self.labelSize))
            let split = (bar.low - base) * (bar.high - base) > 0
            for (value, other, text, side) in [(bar.low, bar.high, bar.lowText, "low"), (bar.high, bar.low, bar.highText, "high")] {
                let from = min(baseX, layout.x(value))
                let to = max(baseX, layout.x(value))
                let barTop = split && side == "high" ? rowTop + height / 2 : rowTop
                let barHeight = split ? height / 2 : height
                // A bar of no width writes its text on the side away from the row's other bar.
                let outward = value != base ? value > base : other != base ? other < base : side == "high"
                let textX = outward ? to + 4 : from - 4
                layout.bars.append(PlacedBar(
                    x: from, y: barTop, width: max(1, to - from), height: barHeight, side: side,
                    text: SVGTextBox(text, x: textX, y: barTop + barHeight / 2 + Self.valueSize * 0.35, anchor: outward ? "start" : "end", size: Self.valueSize)
                ))
            }
        }
        let bottom = top + plotHeight
        layout.ticks = scale.ticks.map { tick in
            SVGTextBox(SVGNumber.label(tick), x: layout.x(tick), y: bottom + 16, anchor: "middle", size: SVGCanvas.smallFont)
        }
        return layout
    }

    /// `label` cut with `…` so the name column takes at most 40% of the width.
    private func fitted(_ label: String) -> String {
        let most = Int(width * 0.4 / (Self.labelSize * SVGTextBox.characterEm))
        return label.count <= most ? label : String(label.prefix(max(1, most - 1))) + "…"
    }

    /// The `<svg>` element.
    public func render() -> String {
        let layout = layout()
        let top = layout.plotTop
        let bottom = top + layout.plotHeight
        var canvas = SVGCanvas(width: width, height: bottom + 60)
        canvas.title(title)
        canvas.rect(x: layout.plotLeft, y: top, width: layout.plotWidth, height: layout.plotHeight, fill: "#fafafa")
        for (tick, text) in zip(layout.scale.ticks, layout.ticks) {
            canvas.line(layout.x(tick), top, layout.x(tick), bottom, stroke: "#e3e3e3")
            canvas.text(text.content, x: text.x, y: text.y, anchor: text.anchor, className: "tick")
        }
        canvas.text(valueTitle, x: layout.plotLeft + layout.plotWidth / 2, y: bottom + 36, anchor: "middle", size: 12, fill: "#222", className: "axis-title")
        for (index, label) in layout.labels.enumerated() {
            canvas.text(label.content, x: label.x, y: label.y, anchor: label.anchor, size: label.size, className: "tick")
            for placed in layout.bars[(2 * index)...(2 * index + 1)] {
                let bar = bars[index]
                let (value, text, colour) = placed.side == "low" ? (bar.low, bar.lowText, Self.lowColour) : (bar.high, bar.highText, Self.highColour)
                canvas.rect(x: placed.x, y: placed.y, width: placed.width, height: placed.height, fill: colour, title: "\(bar.label) \(placed.side) (\(text)): \(SVGNumber.label(value))")
                canvas.text(placed.text.content, x: placed.text.x, y: placed.text.y, anchor: placed.text.anchor, size: placed.text.size, fill: "#444", className: "bar-label")
            }
        }
        canvas.line(layout.x(0), top - 4, layout.x(0), bottom + 4, stroke: "#c0392b", width: 1.5, dash: "5 3")
        canvas.line(layout.x(base), top - 4, layout.x(base), bottom + 4, stroke: "#222", width: 1.5)
        canvas.line(layout.plotLeft, bottom, layout.plotLeft + layout.plotWidth, bottom, stroke: "#555")
        let legendHeight = canvas.legend([
            SVGLegendEntry(name: "input at its low value", colour: Self.lowColour, block: true),
            SVGLegendEntry(name: "input at its high value", colour: Self.highColour, block: true),
            SVGLegendEntry(name: "base: \(SVGNumber.label(base))", colour: "#222"),
            SVGLegendEntry(name: "zero: no saving", colour: "#c0392b", dash: "5 3"),
        ], left: layout.plotLeft, top: bottom + 44)
        canvas.height = bottom + 50 + legendHeight
        return canvas.render(label: title)
    }
}
