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
        guard let value, value.isFinite else { return "" }
        let thousandths = (value * 1000).rounded()
        let negative = thousandths < 0
        let magnitude = UInt64(abs(thousandths))
        let fraction = magnitude % 1000
        let padded = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        return "\(negative ? "-" : "")\(magnitude / 1000).\(padded)"
    }

    /// An integer, or empty for nil.
    public static func int(_ value: Int?) -> String {
        value.map(String.init) ?? ""
    }
}
