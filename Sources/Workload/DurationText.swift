/// Durations as scenarios write them: `30` (seconds), `30s`, `500ms`, `2m`, `1h`.
public enum DurationText {
    /// Seconds in `text`; nil for anything else.
    public static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingSpaces()
        let units: [(suffix: String, factor: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for unit in units where trimmed.hasSuffix(unit.suffix) {
            guard let number = Double(trimmed.dropLast(unit.suffix.count).trimmingSpaces()), number.isFinite else { return nil }
            return number * unit.factor
        }
        guard let number = Double(trimmed), number.isFinite else { return nil }
        return number
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace.
    func trimmingSpaces() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
