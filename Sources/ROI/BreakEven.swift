/// When owning the hardware beats paying an API.
public enum BreakEven {
    /// Monthly tokens at which on-prem and the API cost the same: fixed monthly cost ÷ (API price
    /// per token − on-prem marginal cost per token). Nil when the API costs no more per token than
    /// the extra energy of serving it (owning never catches up).
    public static func monthlyVolume(fixedMonthly: Double, apiPerToken: Double, marginalPerToken: Double) -> Double? {
        let margin = apiPerToken - marginalPerToken
        guard margin > 0 else { return nil }
        return fixedMonthly / margin
    }

    /// Months until the purchase is repaid by what the API would have cost: (hardware + setup) ÷
    /// (monthly API cost − monthly on-prem running cost). Nil when the API is not dearer each month.
    public static func paybackMonths(investment: Double, monthlyAPICost: Double, monthlyOperatingCost: Double) -> Double? {
        let saving = monthlyAPICost - monthlyOperatingCost
        guard saving > 0 else { return nil }
        return investment / saving
    }
}
