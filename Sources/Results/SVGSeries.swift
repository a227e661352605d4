/// One point of a chart, in data units.
public struct SVGPoint: Sendable, Equatable {
    /// Horizontal value.
    public var x: Double
    /// Vertical value.
    public var y: Double

    /// Creates a point.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// One line of a ``SVGLineChart``: a name for the legend, a colour, and points in data units.
public struct SVGSeries: Sendable, Equatable {
    /// Name shown in the legend (escaped when drawn).
    public var name: String
    /// Stroke colour, `#rrggbb`.
    public var colour: String
    /// SVG `stroke-dasharray`; empty for a solid line.
    public var dash: String
    /// Points in drawing order.
    public var points: [SVGPoint]
    /// Text drawn beside each point (e.g. the load level), parallel to `points`; empty for none.
    public var pointLabels: [String]
    /// Whether each point gets a dot.
    public var markers: Bool

    /// Creates a series.
    public init(name: String, colour: String, dash: String = "", points: [SVGPoint], pointLabels: [String] = [], markers: Bool = false) {
        self.name = name
        self.colour = colour
        self.dash = dash
        self.points = points
        self.pointLabels = pointLabels
        self.markers = markers
    }
}

/// One entry of a chart legend: a swatch (line, dashed line or block) and its text.
public struct SVGLegendEntry: Sendable, Equatable {
    /// Legend text (escaped when drawn).
    public var name: String
    /// Swatch colour, `#rrggbb`.
    public var colour: String
    /// Dash pattern of the line swatch; empty for solid.
    public var dash: String
    /// Whether the swatch is a filled block (bars) rather than a line.
    public var block: Bool

    /// Creates a legend entry.
    public init(name: String, colour: String, dash: String = "", block: Bool = false) {
        self.name = name
        self.colour = colour
        self.dash = dash
        self.block = block
    }
}

/// An axis: its title, its scale, and optionally its own tick texts (for categories).
public struct SVGAxis: Sendable, Equatable {
    /// Axis title, with units (e.g. `TTFT (ms)`).
    public var title: String
    /// Value range and ticks.
    public var scale: SVGScale
    /// Text for each tick, parallel to `scale.ticks`; nil to print the tick values.
    public var tickLabels: [String]?

    /// Creates an axis.
    public init(title: String, scale: SVGScale, tickLabels: [String]? = nil) {
        self.title = title
        self.scale = scale
        self.tickLabels = tickLabels
    }

    /// The text of tick `index`.
    func tickText(_ index: Int) -> String {
        if let tickLabels, tickLabels.indices.contains(index) { return tickLabels[index] }
        let tick = scale.ticks[index]
        let magnitude = abs(tick)
        return SVGNumber.label(tick, decimals: magnitude >= 100 || magnitude == 0 ? 0 : magnitude >= 1 ? 1 : 3)
    }
}
