import Foundation

/// How volume and prices move over the months of a cash projection: each a yearly rate applied in
/// yearly steps, so months 1–12 are year 0 (today's figures), months 13–24 year 1, and so on.
public struct CashTrend: Sendable, Equatable {
    /// Yearly growth of the monthly volume (0.2 for +20 % a year).
    public var volumeGrowth: Double
    /// Yearly fall of API list prices, 0…1 (0.25 for −25 % a year).
    public var apiPriceDecline: Double
    /// Yearly change of the electricity price (0.05 for +5 % a year, −0.05 for a fall).
    public var electricityChange: Double

    /// Creates a trend.
    public init(volumeGrowth: Double = 0, apiPriceDecline: Double = 0, electricityChange: Double = 0) {
        self.volumeGrowth = volumeGrowth
        self.apiPriceDecline = apiPriceDecline
        self.electricityChange = electricityChange
    }

    /// Year of month `month` (1-based): (month − 1) ÷ 12, rounded down.
    public static func year(ofMonth month: Int) -> Int { max(0, month - 1) / 12 }

    /// Volume in `month` over today's: (1 + growth)^year.
    public func volumeFactor(month: Int) -> Double { pow(1 + volumeGrowth, Double(Self.year(ofMonth: month))) }

    /// API prices in `month` over today's: (1 − decline)^year.
    public func apiPriceFactor(month: Int) -> Double { pow(1 - apiPriceDecline, Double(Self.year(ofMonth: month))) }

    /// Electricity price in `month` over today's: (1 + change)^year.
    public func electricityFactor(month: Int) -> Double { pow(1 + electricityChange, Double(Self.year(ofMonth: month))) }
}
