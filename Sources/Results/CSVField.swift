/// Text forms of CSV cells (RFC 4180), shared by every results file.
enum CSVField {
    /// Quotes a text cell when it holds a comma, quote, CR or LF; doubles embedded quotes.
    static func text(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number with three decimals (microseconds when the unit is ms); empty for nil or non-finite.
    static func fixed3(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        let thousandths = (value * 1000).rounded()
        let negative = thousandths < 0
        let magnitude = UInt64(abs(thousandths))
        let fraction = magnitude % 1000
        let padded = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        return "\(negative ? "-" : "")\(magnitude / 1000).\(padded)"
    }

    /// An integer, or empty for nil.
    static func int(_ value: Int?) -> String {
        value.map(String.init) ?? ""
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
