/// A text label placed on a chart, with the box it is estimated to cover: how charts lay out
/// labels so none overlaps another or runs off the canvas, without measuring glyphs.
public struct SVGTextBox: Sendable, Equatable {
    /// The text.
    public var content: String
    /// Anchor point x, px.
    public var x: Double
    /// Baseline y, px.
    public var y: Double
    /// `start`, `middle` or `end`.
    public var anchor: String
    /// Font size, px.
    public var size: Double

    /// Width of one character as a share of the font size: generous for proportional sans-serif
    /// faces (digits and lowercase letters are 0.5–0.56 em), so estimated boxes cover drawn ones.
    public static let characterEm = 0.6

    /// Creates a placed label.
    public init(_ content: String, x: Double, y: Double, anchor: String, size: Double) {
        self.content = content
        self.x = x
        self.y = y
        self.anchor = anchor
        self.size = size
    }

    /// Estimated width of `content` at `size`, px.
    public static func width(_ content: String, size: Double) -> Double {
        Double(content.count) * size * characterEm
    }

    /// Estimated width, px.
    public var width: Double { Self.width(content, size: size) }

    /// Left edge, px.
    public var left: Double {
        switch anchor {
        case "middle": x - width / 2
        case "end": x - width
        default: x
        }
    }

    /// Right edge, px.
    public var right: Double { left + width }
    /// Top edge (ascent above the baseline), px.
    public var top: Double { y - size * 0.8 }
    /// Bottom edge (descent below the baseline), px.
    public var bottom: Double { y + size * 0.2 }

    /// Whether the two boxes share any area.
    public func overlaps(_ other: SVGTextBox) -> Bool {
        left < other.right && other.left < right && top < other.bottom && other.top < bottom
    }
}
