/// A currency prices are quoted in.
public enum Currency: String, Sendable, CaseIterable, Equatable {
    /// Euro: the report's default.
    case eur = "EUR"
    /// US dollar: most API and hardware list prices.
    case usd = "USD"

    /// The symbol-free code used in every table heading (`EUR`).
    public var code: String { rawValue }
}

/// A dated exchange rate between EUR and USD, with where it was read.
public struct ExchangeRate: Sendable, Equatable {
    /// US dollars for one euro (the ECB's way of quoting: 1 EUR = 1.0411 USD).
    public var usdPerEUR: Double
    /// The day the rate applies to, `YYYY-MM-DD`.
    public var date: String
    /// Where it was read.
    public var source: String

    /// Creates a rate.
    public init(usdPerEUR: Double, date: String, source: String) {
        self.usdPerEUR = usdPerEUR
        self.date = date
        self.source = source
    }

    /// `amount` in `from` expressed in `to`.
    public func convert(_ amount: Double, from: Currency, to: Currency) -> Double {
        switch (from, to) {
        case (.eur, .usd): amount * usdPerEUR
        case (.usd, .eur): amount / usdPerEUR
        default: amount
        }
    }
}
