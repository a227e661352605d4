/// Short, locale-independent number text for chart ticks, labels and coordinates.
public enum SVGNumber {
    /// A tick or table value: at most `decimals` decimals, trailing zeros removed
    /// (`1200`, `2.5`, `0.05`); `-` for nil, infinite or NaN values.
    public static func label(_ value: Double?, decimals: Int = 2) -> String {
        guard let value, value.isFinite else { return "-" }
        let fixed = fixed(value, decimals: decimals)
        guard fixed.contains(".") else { return fixed }
        var trimmed = fixed
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed == "-0" ? "0" : trimmed
    }

    /// A value with exactly `decimals` decimals (`12.50`); `-` for nil, infinite or NaN values.
    public static func fixed(_ value: Double?, decimals: Int) -> String {
        guard let value, value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let rounded = (abs(value) * scale).rounded()
        let whole = (rounded / scale).rounded(.down)
        let fraction = rounded - whole * scale
        let sign = value < 0 && rounded > 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(Int64(whole)) }
        var digits = String(Int64(fraction))
        while digits.count < decimals { digits = "0" + digits }
        return sign + String(Int64(whole)) + "." + digits
    }

    /// An SVG coordinate: one decimal, which is finer than a pixel.
    static func coordinate(_ value: Double) -> String {
        label(value, decimals: 1)
    }
}
