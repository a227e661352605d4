/// Text forms of CSV cells (RFC 4180), shared by every CSV the project writes (results files,
/// `repat roi --format csv`, the selfbench report).
public enum CSVField {
    /// Quotes a text cell when it holds a comma, quote, CR or LF; doubles embedded quotes.
    ///
    /// Works on bytes and scalars, not Characters: "\r\n" is one Character (equal to neither "\r"
    /// nor "\n"), and so is a quote followed by a combining mark.
    public static func text(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }

    /// A number with three decimals (microseconds when the unit is ms); empty for nil or non-finite.
    public static func fixed3(_ value: Double?) -> String {
        fixed(value, decimals: 3)
    }

    /// A number with six decimals (microseconds when the unit is s); empty for nil or non-finite.
    public static func fixed6(_ value: Double?) -> String {
        fixed(value, decimals: 6)
    }

    /// A number with `decimals` decimals, rounded half away from zero; empty for nil or
    /// non-finite. Read back with `Double(_:)`, it is the value rounded to `decimals` decimals.
    private static func fixed(_ value: Double?, decimals: Int) -> String {
        guard let value, value.isFinite else { return "" }
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let units = (value * Double(scale)).rounded()
        let negative = units < 0
        let magnitude = UInt64(abs(units))
        var fraction = String(magnitude % scale)
        while fraction.count < decimals { fraction = "0" + fraction }
        return "\(negative ? "-" : "")\(magnitude / scale).\(fraction)"
    }

    /// An integer, or empty for nil.
    public static func int(_ value: Int?) -> String {
        value.map(String.init) ?? ""
    }
}
