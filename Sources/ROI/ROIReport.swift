import Results

/// One section of the ROI report: a title, sentences and at most one table, shared by every format.
public struct ROISection: Sendable, Equatable {
    /// Anchor id (`verdict`, `tco`).
    public var id: String
    /// Heading.
    public var title: String
    /// Paragraphs before the table.
    public var text: [String]
    /// The table, if any.
    public var table: ReportTable?

    /// Creates a section.
    public init(id: String, title: String, text: [String] = [], table: ReportTable? = nil) {
        self.id = id
        self.title = title
        self.text = text
        self.table = table
    }
}

/// The report's sections from a result, as plain cell text.
public enum ROIReport {
    /// Every section, in page order.
    public static func sections(_ result: ROIResult) -> [ROISection] {
        let c = result.currency
        func money(_ value: Double?) -> String { ROIFormat.money(value, c) }
        var sections = [
            ROISection(id: "headline", title: "Headline", text: result.headline.lines(c) + ROIHeadline.remarks(result, caveat: result.operatingPoint.caveat)),
            ROISection(id: "verdict", title: "Verdict", text: [result.verdict]),
        ]
        sections.append(ROISection(
            id: "operating-point", title: "Operating points",
            text: ["Each target is priced at the highest load level that met the scenario's SLOs; prefill and decode rates are per second of time spent in that phase, for the measured mix."],
            table: ReportTable(
                headings: ["target", "level", "SLOs", "ok / requests", "error rate", "input tok/s", "output tok/s", "prefill tok/s", "decode tok/s", "tokens in / out per request", "why"],
                rows: result.operatingPoints.map { point in
                    let m = point.measurement
                    let mix = TokenMix(inputTokens: m.meanInputTokens, outputTokens: m.meanOutputTokens, prefillShare: m.prefillShare)
                    return [
                        m.target, m.level, m.status.isPartial ? "incomplete (\(m.status.rawValue))" : point.meetsSLO.map { $0 ? "met" : "missed" } ?? "none set", "\(m.succeeded) / \(m.requests)",
                        ROIFormat.percent(m.errorRate), ROIFormat.number(m.inputTokensPerSecond, decimals: 1), ROIFormat.number(m.outputTokensPerSecond, decimals: 1),
                        ROIFormat.number(mix.prefillRate(inputTokensPerSecond: m.inputTokensPerSecond), decimals: 1),
                        ROIFormat.number(mix.decodeRate(outputTokensPerSecond: m.outputTokensPerSecond), decimals: 1),
                        "\(ROIFormat.number(m.meanInputTokens, decimals: 1)) / \(ROIFormat.number(m.meanOutputTokens, decimals: 1))", point.reason,
                    ]
                },
                numericColumns: [4, 5, 6, 7, 8]
            )
        ))
        sections.append(ROISection(
            id: "capacity", title: "Capacity and volume",
            table: ReportTable(headings: ["figure", "value"], rows: [
                ["tokens per second, all serving hardware", ROIFormat.number(result.tokensPerSecond, decimals: 1)],
                ["monthly capacity at the operating point", ROIFormat.tokens(result.monthlyCapacity) + " tokens"],
                ["monthly volume priced", ROIFormat.tokens(result.volume) + " tokens"],
                ["utilisation", ROIFormat.percent(result.utilisation)],
                ["input share of tokens", ROIFormat.percent(result.mix.inputFraction)],
                ["prefill share of server time", ROIFormat.percent(result.mix.prefillShare)],
            ], numericColumns: [1])
        ))
        let options = [result.onPrem] + result.rents
        sections.append(ROISection(
            id: "per-token", title: "Cost per 1M tokens (\(c.code))",
            text: ["Measured mix; buying split into capital, energy, hosting (rent, for a rented GPU), staff and licences per 1M tokens. API input prices include the cache-hit share."],
            table: ReportTable(
                headings: ["option", "input", "output", "blended", "capex", "energy", "hosting / rent", "staff", "licences"],
                rows: options.map { option in
                    let parts = option.monthly.perMillion(tokens: result.volume)
                    return [option.name] + [option.perMillionInput, option.perMillionOutput, option.perMillionBlended, parts.capex, parts.energy, parts.hosting, parts.staff, parts.licences].map(ROIFormat.amount)
                } + result.apis.map { api in
                    ["API \(api.price.id)"] + [api.perMillionInput, api.perMillionOutput, api.perMillionBlended].map(ROIFormat.amount) + ["", "", "", "", ""]
                },
                numericColumns: Set(1...8)
            )
        ))
        sections.append(ROISection(
            id: "apis", title: "Against each API",
            text: ["Break-even: the monthly volume at which buying costs the same as the API; the utilisation it needs of this hardware; payback: months for the API bill avoided to repay the purchase."],
            table: ReportTable(
                headings: ["API", "list in / cached / out per 1M", "blended per 1M", "monthly at volume", "break-even tokens/month", "break-even utilisation", "payback months", "measured as", "source", "read"],
                rows: result.apis.map { api in
                    let p = api.price
                    let list = "\(ROIFormat.number(p.input)) / \(p.cachedInput.map { ROIFormat.number($0) } ?? "-") / \(ROIFormat.number(p.output)) \(p.currency.code)" + (p.regionUplift != 1 ? " (EU ×\(ROIFormat.number(p.regionUplift)))" : "")
                    return [
                        p.id, list, money(api.perMillionBlended), money(api.monthly), ROIFormat.tokens(api.breakEvenVolume),
                        ROIFormat.percent(api.breakEvenUtilisation), ROIFormat.number(api.paybackMonths, decimals: 1), api.measuredTarget ?? "", p.source, p.read,
                    ]
                },
                numericColumns: [2, 3, 4, 5, 6]
            )
        ))
        sections.append(ROISection(
            id: "per-task", title: "Cost per task (\(c.code))",
            text: ["A task is one request of the workload: every target ran the same prompts, so each option is priced with the token counts of the target that ran them."],
            table: ReportTable(
                headings: ["option", "token counts of", "input tokens", "output tokens", "per task", "per 1,000 tasks"],
                rows: result.tasks.map { task in
                    [task.option, task.countsFrom, ROIFormat.number(task.inputTokens, decimals: 1), ROIFormat.number(task.outputTokens, decimals: 1), ROIFormat.amount(task.perTask), ROIFormat.amount(task.perTask * 1000)]
                },
                numericColumns: [2, 3, 4, 5]
            )
        ))
        let horizons = result.projections.first?.horizons.map(\.years) ?? []
        sections.append(ROISection(
            id: "tco", title: "Total cost of ownership and NPV (\(c.code))",
            text: ["At the monthly volume. TCO sums the cash flows; NPV discounts them at the discount rate. Buying pays the hardware up front and again each amortisation period."],
            table: ReportTable(
                headings: ["option"] + horizons.flatMap { ["TCO \($0) y", "NPV \($0) y"] },
                rows: result.projections.map { row in [row.option] + row.horizons.flatMap { [ROIFormat.amount($0.tco), ROIFormat.amount($0.npv)] } },
                numericColumns: Set(1...max(1, horizons.count * 2))
            )
        ))
        sections.append(ROISection(
            id: "sensitivity", title: "Sensitivity",
            text: ["Output: \(result.tornado.output); at base values \(money(result.tornado.base)). Each input moved alone to its low and high value."],
            table: ReportTable(
                headings: ["input", "low", "high", "output at low", "output at high", "swing"],
                rows: result.tornado.bars.map { [$0.parameter, $0.lowInput, $0.highInput, ROIFormat.amount($0.lowOutput), ROIFormat.amount($0.highOutput), ROIFormat.amount($0.swing)] },
                numericColumns: [3, 4, 5]
            )
        ))
        sections.append(MonteCarloSection.section(result.uncertainty, currency: c))
        sections.append(ROISection(
            id: "inputs", title: "Inputs and sources",
            table: ReportTable(headings: ["input", "value", "source", "read"], rows: result.inputs.map { [$0.name, $0.value, $0.source, $0.read] })
        ))
        if !result.notes.isEmpty {
            sections.append(ROISection(id: "notes", title: "Notes", text: result.notes))
        }
        return sections
    }
}
