import Foundation

/// Number text for the ROI report: locale-independent, rounded for reading, never scientific.
public enum ROIFormat {
    /// An amount with its currency: `1,234.56 EUR`, small amounts with more digits (`0.000123 EUR`).
    public static func money(_ value: Double?, _ currency: Currency) -> String {
        guard let value, value.isFinite else { return "-" }
        return amount(value) + " " + currency.code
    }

    /// An amount without currency: two decimals from 1 up, four significant digits below.
    public static func amount(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let magnitude = abs(value)
        if magnitude >= 1 || magnitude == 0 { return grouped(value, decimals: 2) }
        let decimals = min(10, max(2, 3 - Int(floor(log10(magnitude)))))
        return grouped(value, decimals: decimals)
    }

    /// A token count: `950`, `12.3 k`, `4.56 M`, `7.89 B`.
    public static func tokens(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        let magnitude = abs(value)
        for (limit, suffix) in [(1e12, " T"), (1e9, " B"), (1e6, " M"), (1e3, " k")] where magnitude >= limit {
            return grouped(value / limit, decimals: 2) + suffix
        }
        return grouped(value, decimals: 0)
    }

    /// A share as a percentage: `42.5%`.
    public static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        return grouped(value * 100, decimals: 1) + "%"
    }

    /// A plain number with at most `decimals` decimals, trailing zeros kept.
    public static func number(_ value: Double?, decimals: Int = 2) -> String {
        guard let value, value.isFinite else { return "-" }
        return grouped(value, decimals: decimals)
    }

    /// `value` with `decimals` decimals and thousands separated by commas.
    private static func grouped(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (abs(value) * scale).rounded()
        let whole = (rounded / scale).rounded(.down)
        var digits = String(format: "%.0f", whole)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        var text = groups.joined(separator: ",")
        if decimals > 0 {
            var fraction = String(format: "%.0f", rounded - whole * scale)
            while fraction.count < decimals { fraction = "0" + fraction }
            text += "." + fraction
        }
        return (value < 0 && rounded > 0 ? "-" : "") + text
    }
}
