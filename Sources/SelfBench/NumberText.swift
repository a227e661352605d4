import Foundation

/// Numbers as selfbench prints them: fixed decimals, `-` for a missing value.
enum NumberText {
    /// `value` with `digits` decimals, or `-` when nil or not finite.
    static func fixed(_ value: Double?, _ digits: Int = 0) -> String {
        guard let value, value.isFinite else { return "-" }
        return String(format: "%.\(digits)f", value)
    }

    /// A fraction (0.012) as a percentage with `digits` decimals (`1.2%`), or `-`.
    static func percent(_ fraction: Double?, _ digits: Int = 1) -> String {
        guard let fraction, fraction.isFinite else { return "-" }
        return fixed(fraction * 100, digits) + "%"
    }

    /// A count with thousands separators (`10,000`).
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }
}
