/// A line chart drawn as inline SVG: axes with ticks and titles, grid, one polyline per series
/// (optionally with dots and per-point labels) and a legend below the plot.
public struct SVGLineChart: Sendable {
    /// A shaded span of the x axis with a label (a load level on a time axis).
    public struct Band: Sendable, Equatable {
        /// Text at the top of the band, drawn when it fits.
        public var label: String
        /// Start, x units.
        public var start: Double
        /// End, x units.
        public var end: Double

        /// Creates a band.
        public init(label: String, start: Double, end: Double) {
            self.label = label
            self.start = start
            self.end = end
        }
    }

    /// Title above the plot.
    public var title: String
    /// Horizontal axis.
    public var x: SVGAxis
    /// Vertical axis.
    public var y: SVGAxis
    /// Lines, drawn in order.
    public var series: [SVGSeries]
    /// Legend entries; by default one per series.
    public var legend: [SVGLegendEntry]
    /// Shaded x spans behind the lines, alternately tinted.
    public var bands: [Band]
    /// Whole width, px.
    public var width: Double
    /// Height of the plot area, px (the SVG adds margins and the legend).
    public var plotHeight: Double

    /// Left edge of the plot area, px.
    public static let plotLeft = 70.0
    /// Top edge of the plot area, px.
    public static let plotTop = 34.0
    private static let rightMargin = 24.0

    /// Creates a chart; `legend` nil means one entry per series.
    public init(
        title: String, x: SVGAxis, y: SVGAxis, series: [SVGSeries], legend: [SVGLegendEntry]? = nil, bands: [Band] = [],
        width: Double = 600, plotHeight: Double = 280
    ) {
        self.title = title
        self.x = x
        self.y = y
        self.series = series
        self.legend = legend ?? series.map { SVGLegendEntry(name: $0.name, colour: $0.colour, dash: $0.dash) }
        self.bands = bands
        self.width = width
        self.plotHeight = plotHeight
    }

    /// Width of the plot area, px.
    public var plotWidth: Double { width - Self.plotLeft - Self.rightMargin }

    /// Pixel position of a data point inside the SVG (clamped to the plot area).
    public func position(_ point: SVGPoint) -> (x: Double, y: Double) {
        (Self.plotLeft + plotWidth * x.scale.fraction(point.x), Self.plotTop + plotHeight * (1 - y.scale.fraction(point.y)))
    }

    /// The `<svg>` element.
    public func render() -> String {
        let left = Self.plotLeft
        let top = Self.plotTop
        let bottom = top + plotHeight
        var canvas = SVGCanvas(width: width, height: bottom + 56)
        canvas.title(title)
        canvas.rect(x: left, y: top, width: plotWidth, height: plotHeight, fill: "#fafafa")
        drawBands(on: &canvas)
        canvas.yAxis(y, left: left, top: top, width: plotWidth, height: plotHeight)
        for (index, tick) in x.scale.ticks.enumerated() {
            let px = left + plotWidth * x.scale.fraction(tick)
            canvas.line(px, top, px, bottom, stroke: "#eeeeee")
            canvas.line(px, bottom, px, bottom + 5, stroke: "#555")
            canvas.text(x.tickText(index), x: px, y: bottom + 18, anchor: "middle", className: "tick")
        }
        canvas.line(left, bottom, left + plotWidth, bottom, stroke: "#555")
        canvas.text(x.title, x: left + plotWidth / 2, y: bottom + 40, anchor: "middle", size: 12, fill: "#222", className: "axis-title")
        if series.allSatisfy({ $0.points.isEmpty }) {
            canvas.text("no data", x: left + plotWidth / 2, y: top + plotHeight / 2, anchor: "middle", size: 13, fill: "#888")
        }
        for line in series where !line.points.isEmpty {
            draw(line, on: &canvas)
        }
        let legendHeight = canvas.legend(legend, left: left, top: bottom + 50)
        canvas.height = bottom + 56 + legendHeight
        return canvas.render(label: title)
    }

    /// Each band as a tinted rectangle over the plot's height, its label at the top when it fits.
    private func drawBands(on canvas: inout SVGCanvas) {
        for (index, band) in bands.enumerated() {
            let start = Self.plotLeft + plotWidth * x.scale.fraction(band.start)
            let end = Self.plotLeft + plotWidth * x.scale.fraction(band.end)
            guard end > start else { continue }
            canvas.rect(x: start, y: Self.plotTop, width: end - start, height: plotHeight, fill: index % 2 == 0 ? "#e8eef7" : "#f3ecdf", title: band.label)
            if Double(band.label.count) * 5.5 + 4 < end - start {
                canvas.text(band.label, x: start + 2, y: Self.plotTop + 11, size: 9.5, fill: "#667", className: "band-label")
            }
        }
    }

    private func draw(_ line: SVGSeries, on canvas: inout SVGCanvas) {
        let pixels = line.points.map(position)
        let coordinates = pixels.map { SVGNumber.coordinate($0.x) + "," + SVGNumber.coordinate($0.y) }.joined(separator: " ")
        let dash = line.dash.isEmpty ? "" : " stroke-dasharray=\"\(line.dash)\""
        canvas.add(
            "<polyline class=\"series\" data-series=\"\(SVGEscape.text(line.name))\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"2\" stroke-linejoin=\"round\"\(dash) points=\"\(coordinates)\"/>"
        )
        for (index, pixel) in pixels.enumerated() {
            if line.markers {
                let tip = "\(line.name) \(line.pointLabels.indices.contains(index) ? line.pointLabels[index] + " " : ""): \(SVGNumber.label(line.points[index].x)), \(SVGNumber.label(line.points[index].y))"
                canvas.add("<circle cx=\"\(SVGNumber.coordinate(pixel.x))\" cy=\"\(SVGNumber.coordinate(pixel.y))\" r=\"3.5\" fill=\"\(line.colour)\"><title>\(SVGEscape.text(tip))</title></circle>")
            }
            if line.pointLabels.indices.contains(index) {
                canvas.text(line.pointLabels[index], x: pixel.x + 6, y: pixel.y - 6, size: 10, fill: line.colour, className: "point-label")
            }
        }
    }
}
