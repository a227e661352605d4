import RepatSupport

/// The one text form of a level's measured figures (latencies in ms, rates per second) wherever
/// they are shown: the final table, the level-end log line, `summary.csv` and the report all
/// print the same value with three decimals, so a figure reads the same in every output.
public enum FigureText {
    /// `value` with three decimals, as `summary.csv` writes it; `-` when absent or not finite.
    public static func cell(_ value: Double?) -> String {
        let text = CSVField.fixed3(value)
        return text.isEmpty ? "-" : text
    }
}
