/// The plain sentence at the top of the report.
public enum Verdict {
    /// "Buying … costs X per 1M tokens against Y for API (Z% cheaper); break-even …; payback …;
    /// driven most by …; not included: …".
    public static func sentence(
        currency: Currency, volume: Double, utilisation: Double, level: String, onPrem: OptionCost, reference: APICost,
        tornado: Tornado, inputs: [InputRow], lifeMonths: Int, trend: CashTrend = CashTrend()
    ) -> String {
        let own = onPrem.perMillionBlended
        let api = reference.perMillionBlended
        let cheaper = own < api
        let gap = api > 0 ? abs(api - own) / api : 0
        var text = "At \(ROIFormat.tokens(volume)) tokens a month (\(ROIFormat.percent(utilisation)) of the capacity at \(level)), "
        text += "buying costs \(ROIFormat.money(own, currency)) per 1M tokens against \(ROIFormat.money(api, currency)) for \(reference.price.id): "
        text += cheaper ? "buying is \(ROIFormat.percent(gap)) cheaper" : "the API is cheaper (buying costs \(ROIFormat.percent(api > 0 ? (own - api) / api : 0)) more)"
        if let breakEven = reference.breakEvenVolume {
            text += "; break-even at \(ROIFormat.tokens(breakEven)) tokens a month (\(ROIFormat.percent(reference.breakEvenUtilisation)) utilisation)"
            if let utilisation = reference.breakEvenUtilisation, utilisation > 1 { text += ", beyond what this hardware can serve" }
        } else {
            text += "; buying never breaks even (the API costs less per token than the energy to serve it)"
        }
        if let payback = reference.paybackMonths {
            text += "; payback in \(ROIFormat.number(payback, decimals: 1)) months"
            if let discounted = reference.discountedPaybackMonths, discounted != payback {
                text += " (\(ROIFormat.number(discounted, decimals: 1)) discounted)"
            } else if reference.discountedPaybackMonths == nil {
                text += " (none within the hardware's life once discounted)"
            }
        } else {
            text += "; no payback within the hardware's life (\(lifeMonths) months)"
        }
        let moves = [
            trend.volumeGrowth != 0 ? "volume \(trend.volumeGrowth > 0 ? "+" : "")\(ROIFormat.percent(trend.volumeGrowth))/year" : nil,
            trend.apiPriceDecline != 0 ? "API prices −\(ROIFormat.percent(trend.apiPriceDecline))/year" : nil,
            trend.electricityChange != 0 ? "electricity \(trend.electricityChange > 0 ? "+" : "")\(ROIFormat.percent(trend.electricityChange))/year" : nil,
        ].compactMap { $0 }
        if !moves.isEmpty { text += " (break-even and payback with \(moves.joined(separator: ", ")))" }
        let drivers = tornado.bars.prefix(3).map(\.parameter)
        if !drivers.isEmpty { text += ". Driven most by: \(drivers.joined(separator: ", "))" }
        let unset = inputs.filter { $0.source == "not set" }.map(\.name)
        if !unset.isEmpty { text += ". Not included (not set): \(unset.joined(separator: ", "))" }
        return text + "."
    }
}
