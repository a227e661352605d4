/// The three numbers a reader takes away: cost per 1M tokens of buying against the reference API,
/// the utilisation at which buying breaks even, and the payback (or none) within the hardware's life.
public struct ROIHeadline: Sendable, Equatable {
    /// Buying, per 1M tokens of the measured mix (report currency).
    public var buyPerMillion: Double
    /// The reference API, per 1M tokens of the same mix.
    public var apiPerMillion: Double
    /// The reference API's price id.
    public var referenceAPI: String
    /// Utilisation at which buying costs the same as the API; nil when buying never catches up.
    public var breakEvenUtilisation: Double?
    /// Utilisation priced.
    public var utilisation: Double
    /// Months until the API bill avoided repays the purchase; nil when it never does.
    public var paybackMonths: Double?
    /// The hardware's life: amortisation years × 12.
    public var lifeMonths: Double

    /// Creates a headline.
    public init(
        buyPerMillion: Double, apiPerMillion: Double, referenceAPI: String, breakEvenUtilisation: Double?, utilisation: Double, paybackMonths: Double?,
        lifeMonths: Double
    ) {
        self.buyPerMillion = buyPerMillion
        self.apiPerMillion = apiPerMillion
        self.referenceAPI = referenceAPI
        self.breakEvenUtilisation = breakEvenUtilisation
        self.utilisation = utilisation
        self.paybackMonths = paybackMonths
        self.lifeMonths = lifeMonths
    }

    /// The payback when it falls within the hardware's life; nil otherwise (a payback beyond the
    /// life is no payback).
    public var paybackWithinLife: Double? {
        paybackMonths.flatMap { $0 <= lifeMonths ? $0 : nil }
    }

    /// Break-even utilisation when the hardware can reach it (at most 100%).
    public var reachableBreakEven: Double? {
        breakEvenUtilisation.flatMap { $0 <= 1 ? $0 : nil }
    }

    /// One of the three numbers: what it is, the number, what it is compared with.
    public struct Figure: Sendable, Equatable {
        /// `Cost per 1M tokens`.
        public var label: String
        /// `buy 1.63 EUR`.
        public var value: String
        /// `vs 4.37 EUR openai/gpt-4o`.
        public var comparison: String
    }

    /// The three numbers.
    public func figures(_ currency: Currency) -> [Figure] {
        let life = ROIFormat.number(lifeMonths / 12, decimals: lifeMonths.truncatingRemainder(dividingBy: 12) == 0 ? 0 : 1)
        return [
            Figure(
                label: "Cost per 1M tokens", value: "buy \(ROIFormat.money(buyPerMillion, currency))",
                comparison: "vs \(ROIFormat.money(apiPerMillion, currency)) \(referenceAPI)"
            ),
            Figure(
                label: "Break-even utilisation", value: reachableBreakEven.map { ROIFormat.percent($0) } ?? "none up to 100%",
                comparison: "(priced at \(ROIFormat.percent(utilisation)))"
            ),
            Figure(
                label: "Payback", value: paybackWithinLife.map { "\(ROIFormat.number($0, decimals: 1)) months" } ?? "none",
                comparison: "within the \(life)-year life"
            ),
        ]
    }

    /// The three numbers as lines: `label: value comparison`.
    public func lines(_ currency: Currency) -> [String] {
        figures(currency).map { "\($0.label): \($0.value) \($0.comparison)" }
    }

    /// At most three short lines under the headline: the models compared (`docs/roi.md` §11), the
    /// Monte Carlo's spread, then the level's caveat, else the costs left out, else the widest
    /// tornado bars.
    public static func remarks(_ result: ROIResult, caveat: String?) -> [String] {
        let mc = result.uncertainty
        var lines = result.apis.first { $0.price.id == result.referenceAPI }.map {
            [ModelVerdict.short(onPrem: result.onPremModel, reference: $0, choice: result.referenceChoice, qualityCompared: result.qualityCompared)]
        } ?? []
        lines += [
            "Saving P10–P90: \(ROIFormat.number(mc.p10)) to \(ROIFormat.number(mc.p90)) \(result.currency.code)/1M; buying cheaper in \(ROIFormat.percent(mc.probabilityBuyingCheaper)) of \(ROIFormat.number(Double(mc.draws), decimals: 0)) draws",
        ]
        let unset = result.inputs.filter { $0.source == "not set" }.map(\.name)
        if let caveat {
            lines.append(caveat)
        } else if !unset.isEmpty {
            lines.append("Not included (not set): \(unset.joined(separator: ", "))")
        } else if !result.tornado.bars.isEmpty {
            lines.append("Driven most by: \(result.tornado.bars.prefix(2).map(\.parameter).joined(separator: ", "))")
        }
        return lines
    }
}
