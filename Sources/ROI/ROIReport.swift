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
        var sections = [ROISection(id: "headline", title: "Headline", text: result.headline.lines(c) + ROIHeadline.remarks(result, caveat: result.operatingPoint.caveat))]
        sections.append(ROISection(
            id: "assumptions", title: "Assumptions to check",
            text: ["Typical figures the result rests on; set yours in --config (pricing/README.md). \"yours\": your --config set it."],
            table: ReportTable(
                headings: ["assumption", "value", "source", "date", "set by"],
                rows: result.assumptions.map { [$0.name, $0.value, $0.source, $0.date, $0.overridden ? "yours" : "repat default"] }
            )
        ))
        if !result.warnings.isEmpty {
            sections.append(ROISection(id: "warnings", title: "Warnings", text: result.warnings))
        }
        sections += [ROISection(id: "verdict", title: "Verdict", text: [result.verdict]), modelsSection(result)]
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
                ["servers carrying load", String(result.servers)],
                ["traffic peak-to-average the servers are sized for", ROIFormat.number(result.peakToAverage, decimals: 2)],
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
                headings: ["option", "input", "output", "blended", "capex", "energy", "hosting / rent", "staff", "licences and support", "group"],
                rows: options.map { option in
                    let parts = option.monthly.perMillion(tokens: result.volume)
                    return [option.name] + [option.perMillionInput, option.perMillionOutput, option.perMillionBlended, parts.capex, parts.energy, parts.hosting, parts.staff, parts.licences].map(ROIFormat.amount) + ["own hardware"]
                } + groupedAPIs(result).map { api in
                    ["API \(api.price.id)"] + [api.perMillionInput, api.perMillionOutput, api.perMillionBlended].map(ROIFormat.amount) + ["", "", "", "", "", api.group.title]
                },
                numericColumns: Set(1...8)
            )
        ))
        sections.append(ROISection(
            id: "apis", title: "Against each API",
            text: ["Break-even: the monthly volume (today's, then following the volume growth) at which buying and the API cost the same over the hardware's life of \(result.lifeMonths) months; the utilisation it needs of this hardware. Payback: the month buying's cumulative cash falls to the API's (the cash view below), \"none\" when not within the hardware's life; discounted: the same with every month discounted at the discount rate."],
            table: ReportTable(
                headings: ["API", "list in / cached / out per 1M", "blended per 1M", "monthly at volume", "break-even tokens/month", "break-even utilisation", "payback months", "discounted payback months", "measured as", "source", "read", "group"],
                rows: groupedAPIs(result).map { api in
                    let p = api.price
                    let list = "\(ROIFormat.number(p.input)) / \(p.cachedInput.map { ROIFormat.number($0) } ?? "-") / \(ROIFormat.number(p.output)) \(p.currency.code)" + (p.regionUplift != 1 ? " (EU ×\(ROIFormat.number(p.regionUplift)))" : "")
                    return [
                        p.id, list, money(api.perMillionBlended), money(api.monthly), ROIFormat.tokens(api.breakEvenVolume),
                        ROIFormat.percent(api.breakEvenUtilisation), api.paybackMonths.map { ROIFormat.number($0, decimals: 1) } ?? "none", api.discountedPaybackMonths.map { ROIFormat.number($0, decimals: 1) } ?? "none", api.measuredTarget ?? "", p.source, p.read,
                        api.group.title,
                    ]
                },
                numericColumns: [2, 3, 4, 5, 6, 7]
            )
        ))
        sections.append(ROISection(
            id: "per-task", title: "Cost per task (\(c.code))",
            text: ["A task is one request of the workload: every target ran the same prompts, so each option is priced with the token counts of the target that ran them."],
            table: ReportTable(
                headings: ["option", "token counts of", "input tokens", "output tokens", "per task", "per 1,000 tasks", "group"],
                rows: grouped(result.tasks, option: \.option, result).map { task in
                    [task.option, task.countsFrom, ROIFormat.number(task.inputTokens, decimals: 1), ROIFormat.number(task.outputTokens, decimals: 1), ROIFormat.amount(task.perTask), ROIFormat.amount(task.perTask * 1000), group(ofOption: task.option, result)]
                },
                numericColumns: [2, 3, 4, 5]
            )
        ))
        if !result.correctTasks.isEmpty { sections.append(correctTaskSection(result)) }
        if let reasoning = reasoningSection(result) { sections.append(reasoning) }
        let horizons = result.projections.first?.horizons.map(\.years) ?? []
        sections.append(ROISection(
            id: "tco", title: "Total cost of ownership and NPV (\(c.code))",
            text: ["From the month-by-month cash at the monthly volume, following the volume growth, API price decline and electricity price change. TCO sums the cash paid; NPV discounts each month at the discount rate. Buying pays the whole servers and setup on day one, again at the start of each amortisation period, and gets the residual value back at the end of each; hardware still in use at the horizon is not credited as cash. Book cost (buying only) is TCO less the straight-line book value of that hardware: an accounting figure, not cash."],
            table: ReportTable(
                headings: ["option"] + horizons.flatMap { ["TCO \($0) y", "NPV \($0) y", "book cost \($0) y"] } + ["group"],
                rows: grouped(result.projections, option: \.option, result).map { row in
                    [row.option] + row.horizons.flatMap { [ROIFormat.amount($0.tco), ROIFormat.amount($0.npv), $0.bookCost.map(ROIFormat.amount) ?? ""] } + [group(ofOption: row.option, result)]
                },
                numericColumns: Set(1...max(1, horizons.count * 3))
            )
        ))
        let cashOptions = result.cashViewOptions
        let months = result.cashFlows["buy"].map { $0.count - 1 } ?? 0
        let marks = Array(Set([0, 1] + Array(stride(from: 6, through: months, by: 6)) + [min(result.lifeMonths, months), months])).filter { $0 <= months }.sorted()
        sections.append(ROISection(
            id: "cash", title: "Cumulative cash (\(c.code))",
            text: ["Cash paid from purchase day (month 0) through the end of each month: buying, each rent offer and the reference API \(result.referenceAPI). Where buying's line falls below the API's, the purchase has paid back."],
            table: ReportTable(
                headings: ["month"] + cashOptions,
                rows: marks.map { month in [String(month)] + cashOptions.map { ROIFormat.amount(result.cashFlows[$0]?[month] ?? .nan) } },
                numericColumns: Set(0...cashOptions.count)
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
        if let sovereignty = result.sovereignty { sections.append(SovereigntySection.make(sovereignty, currency: c)) }
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
