/// A load level label read back from `requests.csv`: `c8` (closed loop, 8 requests in flight) or
/// `r2.5` (open loop, 2.5 requests/s). Orders closed-loop levels before open-loop ones, each by
/// value, so charts run from light load to heavy.
public struct ReportLevel: Sendable, Hashable, Comparable {
    /// How the load was applied.
    public enum Kind: Int, Sendable, Hashable {
        /// Closed loop; the value is the concurrency.
        case concurrency
        /// Open loop; the value is requests per second.
        case rate
        /// A label repat did not write; no value.
        case other
    }

    /// The label as written (`c8`, `r2.5`).
    public var label: String
    /// Closed or open loop.
    public var kind: Kind
    /// Concurrency or requests/s; nil for ``Kind/other``.
    public var value: Double?

    /// Reads a label; anything other than `c<number>` or `r<number>` is kept as ``Kind/other``.
    public init(_ label: String) {
        self.label = label
        let number = Double(label.dropFirst())
        switch (label.first, number) {
        case ("c", let value?) where value.isFinite:
            kind = .concurrency
            self.value = value
        case ("r", let value?) where value.isFinite:
            kind = .rate
            self.value = value
        default:
            kind = .other
            value = nil
        }
    }

    /// Kind first, then value, then label.
    public static func < (lhs: ReportLevel, rhs: ReportLevel) -> Bool {
        if lhs.kind != rhs.kind { return lhs.kind.rawValue < rhs.kind.rawValue }
        if let left = lhs.value, let right = rhs.value, left != right { return left < right }
        return lhs.label < rhs.label
    }

    /// Axis title for a set of levels: concurrency, requests/s, or just "load level" when mixed.
    public static func axisTitle(for levels: [ReportLevel]) -> String {
        let kinds = Set(levels.map(\.kind))
        if kinds == [.concurrency] { return "load level (concurrency, closed loop)" }
        if kinds == [.rate] { return "load level (requests/s, open loop)" }
        return "load level"
    }
}
