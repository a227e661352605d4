import Foundation

/// How the monthly volume spreads over the day (`traffic:` in `--config`): a peak-to-average
/// ratio, or 24 hourly weights (any scale; hour 0 is midnight) from which the ratio is max ÷ mean.
/// Owned hardware is sized for the peak; an API bills per token whatever the hour.
public struct TrafficProfile: Sendable, Equatable {
    /// Busiest hour's request rate over the day's mean rate, ≥ 1.
    public var peakToAverage: Double
    /// The 24 hourly weights, when the profile was given that way.
    public var hourlyWeights: [Double]?
    /// Rent only the instances each hour needs (hourly weights required) instead of round the clock.
    public var rentFollowsTraffic: Bool

    /// A profile from a peak-to-average ratio.
    public init(peakToAverage: Double, rentFollowsTraffic: Bool = false) {
        self.peakToAverage = peakToAverage
        self.hourlyWeights = nil
        self.rentFollowsTraffic = rentFollowsTraffic
    }

    /// A profile from 24 hourly weights: peak-to-average = max ÷ mean.
    public init(hourlyWeights: [Double], rentFollowsTraffic: Bool = false) {
        let mean = hourlyWeights.reduce(0, +) / Double(max(1, hourlyWeights.count))
        self.peakToAverage = mean > 0 ? (hourlyWeights.max() ?? 0) / mean : 1
        self.hourlyWeights = hourlyWeights
        self.rentFollowsTraffic = rentFollowsTraffic
    }

    /// Flat traffic: every hour the same (peak-to-average 1).
    public static let flat = TrafficProfile(peakToAverage: 1)

    /// Each hour's rate over the mean rate (24 values averaging 1); nil without hourly weights.
    public var hourlyShares: [Double]? {
        guard let hourlyWeights else { return nil }
        let mean = hourlyWeights.reduce(0, +) / 24
        return mean > 0 ? hourlyWeights.map { $0 / mean } : nil
    }
}

/// Sizing owned hardware for the peak hour.
public enum PeakSizing {
    /// Servers needed to carry the peak: ⌈volume ÷ (hours × 3600) × peak-to-average ÷ tokens per
    /// second one server carries at the SLO⌉, at least 1. Spares (N+1) come on top.
    public static func servers(volume: Double, hoursPerMonth: Double, peakToAverage: Double, tokensPerSecondPerServer: Double) -> Int {
        guard tokensPerSecondPerServer > 0, hoursPerMonth > 0 else { return 1 }
        let peakRate = volume / (hoursPerMonth * 3600) * peakToAverage
        // Less a relative 1e-12, so a rate that is exactly a whole number of servers is not rounded
        // up by floating-point error.
        return max(1, Int((peakRate / tokensPerSecondPerServer * (1 - 1e-12)).rounded(.up)))
    }

    /// Instance-hours of rent a month when rent follows the hourly profile: Σ over the 24 hours of
    /// ⌈mean rate × share_h ÷ tokens per second one instance carries⌉ × hours a month ÷ 24.
    public static func rentedInstanceHours(volume: Double, hoursPerMonth: Double, hourlyShares: [Double], tokensPerSecondPerInstance: Double) -> Double {
        guard tokensPerSecondPerInstance > 0 else { return 0 }
        let meanRate = volume / (hoursPerMonth * 3600)
        let instances = hourlyShares.reduce(0.0) { total, share in
            total + max(0, (meanRate * share / tokensPerSecondPerInstance * (1 - 1e-12)).rounded(.up))
        }
        return instances * hoursPerMonth / 24
    }
}
