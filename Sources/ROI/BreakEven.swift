/// When owning the hardware beats paying an API.
public enum BreakEven {
    /// The monthly volume (today's; it then grows with the trend) at which buying and the API cost
    /// the same over `months`: Σ fixed_m ÷ Σ (API per token_m − marginal per token_m) × volume
    /// factor_m, where month m's idle energy and marginal energy follow the electricity trend and
    /// the API price its decline. With a flat trend this is fixed monthly cost ÷ (API price per
    /// token − on-prem marginal cost per token). Capital enters as the annualised monthly capex
    /// inside `fixedMonthly`. Nil when the API never costs more per token than the extra energy of
    /// serving it (owning never catches up).
    public static func monthlyVolume(
        fixedMonthly: Double, apiPerToken: Double, marginalPerToken: Double, idleEnergyMonthly: Double = 0,
        trend: CashTrend = CashTrend(), months: Int = 12
    ) -> Double? {
        var fixed = 0.0
        var margin = 0.0
        for month in 1...max(1, months) {
            let electricity = trend.electricityFactor(month: month)
            fixed += fixedMonthly - idleEnergyMonthly + idleEnergyMonthly * electricity
            margin += (apiPerToken * trend.apiPriceFactor(month: month) - marginalPerToken * electricity) * trend.volumeFactor(month: month)
        }
        guard margin > 0 else { return nil }
        return fixed / margin
    }
}
