import Foundation

/// Month-by-month cash of buying, renting and an API at the priced volume, following the
/// scenario's trend (volume growth, API price decline, electricity price change). Volume beyond
/// what the owned or rented hardware can carry in a month is billed at the reference API's price.
enum CashModel {
    /// The amortisation period in whole months: years × 12, rounded (2.5 years is 30 months).
    static func lifeMonths(_ years: Double) -> Int { max(1, Int((years * 12).rounded())) }

    /// Buying: purchases (``CostProjection/purchases(hardware:setup:residualShare:lifeMonths:months:)``)
    /// plus each month's energy (at that month's utilisation and electricity price), hosting,
    /// staff, licences and support, and the overflow beyond capacity at the API price.
    static func buy(model: OnPremModel, volume: Double, trend: CashTrend, overflowPerToken: Double, months: Int) -> [Double] {
        let inputs = model.inputs
        let capital = CostProjection.purchases(
            hardware: inputs.hardwarePrice, setup: inputs.setupCost, residualShare: inputs.residualShare,
            lifeMonths: lifeMonths(inputs.amortisationYears), months: months
        )
        let running = CostProjection.monthly(months: months) { month in
            let wanted = volume * trend.volumeFactor(month: month)
            let served = min(wanted, model.monthlyCapacity)
            let cost = model.monthly(volume: served)
            return cost.energy * trend.electricityFactor(month: month) + cost.hosting + cost.staff + cost.licences
                + (wanted - served) * overflowPerToken * trend.apiPriceFactor(month: month)
        }
        return zip(capital, running).map(+)
    }

    /// Renting: the month's rent, staff and licences, plus the overflow beyond `capacity` tokens a
    /// month at the API price.
    static func rent(monthly: Double, capacity: Double, volume: Double, trend: CashTrend, overflowPerToken: Double, months: Int) -> [Double] {
        CostProjection.monthly(months: months) { month in
            let wanted = volume * trend.volumeFactor(month: month)
            return monthly + max(0, wanted - capacity) * overflowPerToken * trend.apiPriceFactor(month: month)
        }
    }

    /// An API: the month's volume × its price per token, both following the trend.
    static func api(perToken: Double, volume: Double, trend: CashTrend, months: Int) -> [Double] {
        CostProjection.monthly(months: months) { month in
            volume * trend.volumeFactor(month: month) * perToken * trend.apiPriceFactor(month: month)
        }
    }
}
