/// Builds the text of one inline `<svg>` element: primitives in pixel coordinates, plus the pieces
/// every chart shares (title, y axis with grid, legend). All text is escaped here.
///
/// The element carries no `xmlns` or any other URL: it is meant to sit inside an HTML page, which
/// needs none, so a report never names an outside resource.
struct SVGCanvas {
    /// Width, px.
    let width: Double
    /// Height, px (grows as the legend needs).
    var height: Double
    private var elements: [String] = []

    /// Font size of tick labels and legend text, px.
    static let smallFont = 11.0
    /// Rough width of one character of `smallFont` text, px (for layout without measuring).
    static let characterWidth = 6.2

    /// An empty canvas.
    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Appends a raw element (already escaped).
    mutating func add(_ element: String) {
        elements.append(element)
    }

    /// A straight line.
    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: String = "") {
        let dashAttribute = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
        add("<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\"\(dashAttribute)/>")
    }

    /// A text label; `anchor` is `start`, `middle` or `end`; `rotate` in degrees about (x, y).
    mutating func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", size: Double = SVGCanvas.smallFont,
        fill: String = "#333", weight: String = "normal", rotate: Double = 0, className: String? = nil
    ) {
        let rotation = rotate == 0 ? "" : " transform=\"rotate(\(n(rotate)) \(n(x)) \(n(y)))\""
        let classAttribute = className.map { " class=\"\($0)\"" } ?? ""
        let boldness = weight == "normal" ? "" : " font-weight=\"\(weight)\""
        add("<text\(classAttribute) x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" font-size=\"\(n(size))\" fill=\"\(fill)\"\(boldness)\(rotation)>\(SVGEscape.text(content))</text>")
    }

    /// A filled rectangle.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String? = nil) {
        let tooltip = title.map { "<title>\(SVGEscape.text($0))</title>" } ?? ""
        if tooltip.isEmpty {
            add("<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"\(fill)\"/>")
        } else {
            add("<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"\(fill)\">\(tooltip)</rect>")
        }
    }

    /// The chart title, top left.
    mutating func title(_ title: String) {
        text(title, x: 8, y: 18, size: 14, fill: "#111", weight: "bold", className: "chart-title")
    }

    /// Horizontal grid lines, tick labels and the rotated title of a y axis along a plot area.
    mutating func yAxis(_ axis: SVGAxis, left: Double, top: Double, width: Double, height: Double) {
        for (index, tick) in axis.scale.ticks.enumerated() {
            let y = top + height * (1 - axis.scale.fraction(tick))
            line(left, y, left + width, y, stroke: "#e3e3e3")
            text(axis.tickText(index), x: left - 6, y: y + 4, anchor: "end", className: "tick")
        }
        line(left, top, left, top + height, stroke: "#555")
        let middle = top + height / 2
        text(axis.title, x: 14, y: middle, anchor: "middle", size: 12, fill: "#222", rotate: -90, className: "axis-title")
    }

    /// Lays the legend out in rows below `top`, wrapping at the canvas width; returns its height.
    @discardableResult
    mutating func legend(_ entries: [SVGLegendEntry], left: Double, top: Double) -> Double {
        guard !entries.isEmpty else { return 0 }
        let rowHeight = 18.0
        var x = left
        var y = top + 12
        for entry in entries {
            let entryWidth = 30 + Double(entry.name.count) * Self.characterWidth + 14
            if x > left, x + entryWidth > width - 8 {
                x = left
                y += rowHeight
            }
            if entry.block {
                rect(x: x, y: y - 9, width: 22, height: 10, fill: entry.colour)
            } else {
                line(x, y - 4, x + 22, y - 4, stroke: entry.colour, width: 2.5, dash: entry.dash)
            }
            text(entry.name, x: x + 28, y: y, className: "legend")
            x += entryWidth
        }
        return y - top + 8
    }

    /// The finished `<svg>` element; `label` is its accessible name.
    func render(label: String) -> String {
        let w = n(width)
        let h = n(height)
        var out = "<svg class=\"chart\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" font-family=\"system-ui, sans-serif\">\n"
        out += "<title>\(SVGEscape.text(label))</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#fff\"/>\n"
        for element in elements { out += element + "\n" }
        return out + "</svg>\n"
    }

    private func n(_ value: Double) -> String {
        SVGNumber.coordinate(value)
    }
}
