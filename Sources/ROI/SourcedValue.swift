/// A number with where it was read and when: every input the report echoes.
public struct SourcedValue: Sendable, Equatable {
    /// The figure.
    public var value: Double
    /// Where it was read (a URL, optionally with a remark), or `not set`, or the user's file.
    public var source: String
    /// When it was read, `YYYY-MM-DD`; empty when not applicable.
    public var read: String

    /// Creates a figure.
    public init(_ value: Double, source: String, read: String = "") {
        self.value = value
        self.source = source
        self.read = read
    }

    /// Whether the figure is a cost the user has not set (shipped as 0, `not set`).
    public var isUnset: Bool { source == "not set" }
}

/// A price read as one value or as a range (`low`/`high`, whose midpoint the model uses).
public struct PriceRange: Sendable, Equatable {
    /// Lowest price read.
    public var low: Double
    /// Highest price read (equal to `low` for a single value).
    public var high: Double
    /// Currency of both.
    public var currency: Currency

    /// Creates a range; a single value has `low == high`.
    public init(low: Double, high: Double, currency: Currency) {
        self.low = low
        self.high = high
        self.currency = currency
    }

    /// (low + high) / 2: the figure the model uses.
    public var midpoint: Double { (low + high) / 2 }

    /// `25000–40000 USD` or `9000 USD`.
    public var text: String {
        low == high ? "\(Self.number(low)) \(currency.code)" : "\(Self.number(low))–\(Self.number(high)) \(currency.code)"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
