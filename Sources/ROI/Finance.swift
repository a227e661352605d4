import Foundation

/// The financial formulas of the cost model, each documented in `docs/roi.md`. Rates are yearly
/// fractions (0.05 for 5 %), durations in years.
public enum Finance {
    /// Capital recovery factor: the share of a present amount repaid each year over `years` at
    /// `rate`, r(1+r)^n / ((1+r)^n − 1); straight-line 1/n when the rate is 0.
    public static func capitalRecoveryFactor(rate: Double, years: Double) -> Double {
        guard years > 0 else { return .infinity }
        guard rate != 0 else { return 1 / years }
        let growth = pow(1 + rate, years)
        return rate * growth / (growth - 1)
    }

    /// Equivalent yearly cost of buying at `price`, recovering `residual` after `years`, plus a
    /// one-off `setup` with no resale: (price − residual / (1+r)^n + setup) × CRF(r, n).
    public static func annualisedCapital(price: Double, residual: Double, setup: Double, rate: Double, years: Double) -> Double {
        (price - presentValue(residual, rate: rate, years: years) + setup) * capitalRecoveryFactor(rate: rate, years: years)
    }

    /// Value today of `amount` paid after `years`: amount / (1+r)^years.
    public static func presentValue(_ amount: Double, rate: Double, years: Double) -> Double {
        amount / pow(1 + rate, years)
    }
}
