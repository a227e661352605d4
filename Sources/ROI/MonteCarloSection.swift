import Results

/// The report section of the Monte Carlo: the percentiles of the saving and how each input was drawn.
enum MonteCarloSection {
    /// The section (id `uncertainty`).
    static func section(_ summary: MonteCarloSummary, currency: Currency) -> ROISection {
        let c = currency.code
        return ROISection(
            id: "uncertainty", title: "Uncertainty (Monte Carlo)",
            text: [
                "Saving per 1M tokens of buying over the reference API with every input below drawn at once, independently, \(ROIFormat.number(Double(summary.draws), decimals: 0)) times (seed \(summary.seed): the same seed gives the same figures): P10 \(ROIFormat.money(summary.p10, currency)), P50 \(ROIFormat.money(summary.p50, currency)), P90 \(ROIFormat.money(summary.p90, currency)); buying is cheaper in \(ROIFormat.percent(summary.probabilityBuyingCheaper)) of the draws.",
                "Uniform: every value of the range equally likely (a price quoted as a range); triangular: most likely at the base value, falling linearly to the ends. Ranges: pricing/defaults.yaml sensitivity:, the hardware profile's price, the measured throughput's 95% interval. Amounts in \(c).",
            ],
            table: ReportTable(
                headings: ["input", "distribution", "low", "base", "high"],
                rows: summary.inputs.map { [$0.name, $0.distribution, $0.low, $0.base, $0.high] }
            )
        )
    }
}
