/// A stacked bar chart drawn as inline SVG: one bar per category, one coloured block per stack
/// (e.g. per outcome class), a count axis with grid, slanted category labels and a legend.
public struct SVGBarChart: Sendable {
    /// One kind of block stacked in every bar, e.g. one outcome class.
    public struct Stack: Sendable, Equatable {
        /// Legend text (escaped when drawn).
        public var name: String
        /// Fill colour, `#rrggbb`.
        public var colour: String
        /// Value in each category, parallel to ``SVGBarChart/categories``.
        public var values: [Double]

        /// Creates a stack.
        public init(name: String, colour: String, values: [Double]) {
            self.name = name
            self.colour = colour
            self.values = values
        }
    }

    /// Title above the plot.
    public var title: String
    /// Vertical axis title, with units.
    public var valueTitle: String
    /// Bar labels, left to right (escaped when drawn).
    public var categories: [String]
    /// Blocks stacked bottom-up in every bar.
    public var stacks: [Stack]
    /// Whole width, px.
    public var width: Double
    /// Height of the plot area, px.
    public var plotHeight: Double

    /// Creates a chart.
    public init(title: String, valueTitle: String, categories: [String], stacks: [Stack], width: Double = 600, plotHeight: Double = 240) {
        self.title = title
        self.valueTitle = valueTitle
        self.categories = categories
        self.stacks = stacks
        self.width = width
        self.plotHeight = plotHeight
    }

    /// The count axis: from 0 to above the tallest bar (room for its total), whole-number ticks.
    public var valueScale: SVGScale {
        let totals = categories.indices.map { index in stacks.reduce(0) { $0 + ($1.values.indices.contains(index) ? $1.values[index] : 0) } }
        let tallest = totals.max() ?? 0
        guard tallest >= 5 else {
            let top = max(1, (tallest * 1.2).rounded(.up))
            return SVGScale(fixed: 0, top, ticks: Array(stride(from: 0, through: top, by: 1)))
        }
        return SVGScale(covering: totals, includeZero: true)
    }

    /// The `<svg>` element.
    public func render() -> String {
        let left = SVGLineChart.plotLeft
        let top = SVGLineChart.plotTop
        let plotWidth = width - left - 24
        let bottom = top + plotHeight
        let longest = Double(categories.map(\.count).max() ?? 0) * SVGCanvas.characterWidth
        let labelDepth = min(longest, 200) * 0.6 + 20
        var canvas = SVGCanvas(width: width, height: bottom + labelDepth)
        canvas.title(title)
        canvas.rect(x: left, y: top, width: plotWidth, height: plotHeight, fill: "#fafafa")
        let scale = valueScale
        canvas.yAxis(SVGAxis(title: valueTitle, scale: scale), left: left, top: top, width: plotWidth, height: plotHeight)
        canvas.line(left, bottom, left + plotWidth, bottom, stroke: "#555")
        let slot = plotWidth / Double(max(1, categories.count))
        let barWidth = min(48, slot * 0.7)
        for (index, category) in categories.enumerated() {
            let centre = left + slot * (Double(index) + 0.5)
            var base = 0.0
            for stack in stacks {
                let value = stack.values.indices.contains(index) ? stack.values[index] : 0
                guard value > 0 else { continue }
                let y0 = bottom - plotHeight * scale.fraction(base)
                let y1 = bottom - plotHeight * scale.fraction(base + value)
                canvas.rect(x: centre - barWidth / 2, y: y1, width: barWidth, height: y0 - y1, fill: stack.colour, title: "\(category) \(stack.name): \(SVGNumber.label(value))")
                base += value
            }
            if base > 0 {
                canvas.text(SVGNumber.label(base), x: centre, y: bottom - plotHeight * scale.fraction(base) - 4, anchor: "middle", size: 10, className: "bar-total")
            }
            canvas.text(category, x: centre + 4, y: bottom + 14, anchor: "end", rotate: -35, className: "tick")
        }
        if stacks.allSatisfy({ $0.values.allSatisfy { $0 <= 0 } }) {
            canvas.text("no failed requests", x: left + plotWidth / 2, y: top + plotHeight / 2, anchor: "middle", size: 13, fill: "#888")
        }
        let legendTop = bottom + labelDepth
        let legendHeight = canvas.legend(stacks.map { SVGLegendEntry(name: $0.name, colour: $0.colour, block: true) }, left: left, top: legendTop)
        canvas.height = legendTop + legendHeight + 6
        return canvas.render(label: title)
    }
}
