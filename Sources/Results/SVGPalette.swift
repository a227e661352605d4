/// Colours for chart series: distinct, readable on white, and stable by position so a target keeps
/// its colour in every chart of a report.
public enum SVGPalette {
    /// Series colours (Tableau 10), in order of use.
    public static let series = [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    ]

    /// Dash patterns (SVG `stroke-dasharray`) telling lines of one colour apart; empty is solid.
    public static let dashes = ["", "7 4", "2 3", "9 3 2 3", "4 2"]

    /// The colour of the series at `index`, cycling.
    public static func colour(_ index: Int) -> String {
        series[((index % series.count) + series.count) % series.count]
    }

    /// The dash pattern at `index`, cycling.
    public static func dash(_ index: Int) -> String {
        dashes[((index % dashes.count) + dashes.count) % dashes.count]
    }
}
