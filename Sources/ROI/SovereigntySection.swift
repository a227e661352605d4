import Results

/// The report section "Where the data goes": the price of sovereignty, then a row per option.
enum SovereigntySection {
    /// The section for `table`, amounts in `currency`.
    static func make(_ table: SovereigntyTable, currency: Currency) -> ROISection {
        var text = [
            "Who holds the data each option sends, under which law, and where it is processed: pricing/providers.yaml (sources and read dates in the last columns); on-prem is your own jurisdiction. A summary of public pages, not legal advice.",
        ]
        if let sentence = priceSentence(table, currency: currency) { text.append(sentence) }
        let requirements = SovereigntyRequirement.allCases
        return ROISection(
            id: "sovereignty", title: "Where the data goes",
            text: text,
            table: ReportTable(
                headings: ["option", "processed by", "jurisdiction / parent", "US CLOUD Act", "where processed", "retention", "training on API data", "certifications", "meets", "sources", "read"],
                rows: table.rows.map { row in
                    let meets = requirements.filter(row.meets.contains).map(\.rawValue)
                    return [
                        row.option, row.provider, row.jurisdiction, row.cloudAct, row.processing, row.retention, row.training, row.certifications,
                        meets.isEmpty ? "none" : meets.joined(separator: ", "), row.sources, row.read,
                    ]
                }
            )
        )
    }

    /// `Price of sovereignty (--require eu-jurisdiction): …`; nil without requirements.
    static func priceSentence(_ table: SovereigntyTable, currency: Currency) -> String? {
        guard let price = table.price else { return nil }
        let names = table.requirements.map(\.rawValue).joined(separator: " ")
        let compliant = price.cheapestCompliant
        let overall = price.cheapestOverall
        func costs(_ figure: OptionFigure) -> String {
            "\(ROIFormat.money(figure.perMillion, currency)) per 1M tokens, \(ROIFormat.money(figure.monthly, currency)) a month"
        }
        let difference = "\(signed(price.perMillion, currency)) per 1M tokens and \(signed(price.monthly, currency)) a month"
        let excluded = price.excluded.isEmpty ? "no option left out" : "\(price.excluded.count) option\(price.excluded.count == 1 ? "" : "s") left out of every table"
        if compliant.option == overall.option {
            return "Price of sovereignty (--require \(names)): \(ROIFormat.money(0, currency)): the cheapest option overall, \(compliant.option) (\(costs(compliant))), meets it; \(excluded)."
        }
        return "Price of sovereignty (--require \(names)): \(difference): the cheapest option meeting it, \(compliant.option) (\(costs(compliant))), against the cheapest option overall, \(overall.option) (\(costs(overall))); \(excluded)."
    }

    private static func signed(_ value: Double, _ currency: Currency) -> String {
        (value >= 0 ? "+" : "") + ROIFormat.money(value, currency)
    }
}
