import Metrics
import RepatSupport

/// One cell of the machine-readable report: a plain number (nil when there is none) or text.
public enum ROIDataCell: Sendable, Equatable {
    /// A number in the unit its column name ends with.
    case number(Double?)
    /// A name, a source, a date.
    case text(String)
}

/// One table of the machine-readable report (`--format csv`, `--format json`): column names say
/// their unit (`cost_per_1m_tokens_eur`, `volume_tokens`, `utilisation_share`), cells are plain
/// numbers. Every column is listed in docs/roi.md, "Machine-readable output".
public struct ROIDataTable: Sendable, Equatable {
    /// Table id (`options`).
    public var id: String
    /// Column names, the first naming the row.
    public var columns: [String]
    /// Rows, as long as `columns`.
    public var rows: [[ROIDataCell]]

    /// Creates a table.
    public init(id: String, columns: [String], rows: [[ROIDataCell]]) {
        self.id = id
        self.columns = columns
        self.rows = rows
    }
}

/// The result as tables of plain numbers.
public enum ROIData {
    /// Every table, in the order of the human report.
    public static func tables(_ result: ROIResult) -> [ROIDataTable] {
        let c = result.currency.code.lowercased()
        func n(_ value: Double?) -> ROIDataCell { .number(value.flatMap { $0.isFinite ? $0 : nil }) }
        func t(_ value: String) -> ROIDataCell { .text(value) }
        let h = result.headline
        let mc = result.uncertainty
        var tables = [ROIDataTable(
            id: "headline",
            columns: [
                "reference_api", "buy_cost_per_1m_tokens_\(c)", "api_cost_per_1m_tokens_\(c)", "break_even_utilisation_share", "utilisation_share",
                "payback_months", "payback_within_life_months", "life_months", "saving_p10_per_1m_tokens_\(c)", "saving_p50_per_1m_tokens_\(c)",
                "saving_p90_per_1m_tokens_\(c)", "buying_cheaper_probability_share", "monte_carlo_draws", "monte_carlo_seed",
            ],
            rows: [[
                t(h.referenceAPI), n(h.buyPerMillion), n(h.apiPerMillion), n(h.breakEvenUtilisation), n(h.utilisation), n(h.paybackMonths),
                n(h.paybackWithinLife), n(h.lifeMonths), n(mc.p10), n(mc.p50), n(mc.p90), n(mc.probabilityBuyingCheaper), n(Double(mc.draws)),
                n(Double(mc.seed)),
            ]]
        )]
        tables.append(ROIDataTable(
            id: "assumptions", columns: ["assumption", "value", "source", "read", "set_by"],
            rows: result.assumptions.map { [t($0.name), t($0.value), t($0.source), t($0.date), t($0.overridden ? "yours" : "repat default")] }
        ))
        tables.append(ROIDataTable(id: "warnings", columns: ["warning"], rows: result.warnings.map { [t($0)] }))
        tables.append(ROIDataTable(
            id: "operating_points",
            columns: [
                "target", "level", "meets_slo", "requests", "ok_requests", "error_rate_share", "input_tokens_per_s", "output_tokens_per_s",
                "throughput_low_factor", "throughput_high_factor", "mean_input_tokens", "mean_output_tokens", "prefill_share", "reason",
            ],
            rows: result.operatingPoints.map { point in
                let m = point.measurement
                return [
                    t(m.target), t(m.level), t(point.meetsSLO.map { $0 ? "met" : "missed" } ?? ""), n(Double(m.requests)), n(Double(m.succeeded)),
                    n(m.errorRate), n(m.inputTokensPerSecond), n(m.outputTokensPerSecond), n(m.throughputInterval?.lowFactor),
                    n(m.throughputInterval?.highFactor), n(m.meanInputTokens), n(m.meanOutputTokens), n(m.prefillShare), t(point.reason),
                ]
            }
        ))
        tables.append(ROIDataTable(
            id: "capacity",
            columns: ["target", "serving_tokens_per_s", "monthly_capacity_tokens", "volume_tokens", "utilisation_share", "input_token_share", "prefill_time_share"],
            rows: [[
                t(result.primaryTarget), n(result.tokensPerSecond), n(result.monthlyCapacity), n(result.volume), n(result.utilisation),
                n(result.mix.inputFraction), n(result.mix.prefillShare),
            ]]
        ))
        let breakdown = ["capex", "energy", "hosting", "staff", "licences"].map { "\($0)_monthly_\(c)" }
        tables.append(ROIDataTable(
            id: "options",
            columns: [
                "option", "kind", "cost_per_1m_tokens_\(c)", "input_cost_per_1m_tokens_\(c)", "output_cost_per_1m_tokens_\(c)", "monthly_\(c)",
                "per_task_\(c)",
            ] + breakdown + [
                "break_even_volume_tokens", "break_even_utilisation_share", "payback_months", "discounted_payback_months", "group", "model_family", "source",
                "read",
            ],
            rows: ([result.onPrem] + result.rents).enumerated().map { index, option in
                let m = option.monthly
                return [
                    t(option.name), t(index == 0 ? "buy" : "rent"), n(option.perMillionBlended), n(option.perMillionInput), n(option.perMillionOutput),
                    n(m.total), n(result.tasks.first { $0.option == option.name }?.perTask), n(m.capex), n(m.energy), n(m.hosting), n(m.staff),
                    n(m.licences), n(nil), n(nil), n(nil), n(nil), t("own hardware"), t(result.onPremModel.family?.id ?? ""), t(""), t(""),
                ]
            } + result.apis.map { api in
                let name = "API \(api.price.id)"
                return [
                    t(name), t("api"), n(api.perMillionBlended), n(api.perMillionInput), n(api.perMillionOutput), n(api.monthly),
                    n(result.tasks.first { $0.option == name }?.perTask), n(nil), n(nil), n(nil), n(nil), n(nil), n(api.breakEvenVolume),
                    n(api.breakEvenUtilisation), n(api.paybackMonths), n(api.discountedPaybackMonths), t(api.group.title), t(api.family?.id ?? ""),
                    t(api.price.source), t(api.price.read),
                ]
            }
        ))
        tables.append(ROIDataTable(
            id: "cost_lines",
            columns: ["option", "fixed_monthly_\(c)", "per_1m_tokens_\(c)", "max_volume_tokens"],
            rows: result.costLines.map { [t($0.option), n($0.fixedMonthly), n($0.perToken * 1_000_000), n($0.maxVolume)] }
        ))
        tables.append(ROIDataTable(
            id: "cumulative_cash",
            columns: ["option", "month", "cumulative_cash_\(c)"],
            rows: result.cumulativeCash.flatMap { curve in
                curve.cumulative.enumerated().map { month, cash in [t(curve.option), n(Double(month)), n(cash)] }
            }
        ))
        tables.append(ROIDataTable(
            id: "tco",
            columns: ["option", "horizon_years", "tco_\(c)", "npv_\(c)", "book_cost_\(c)"],
            rows: result.projections.flatMap { row in row.horizons.map { [t(row.option), n(Double($0.years)), n($0.tco), n($0.npv), n($0.bookCost)] } }
        ))
        tables.append(ROIDataTable(
            id: "sensitivity",
            columns: ["input", "low_value", "high_value", "saving_at_low_per_1m_tokens_\(c)", "saving_at_high_per_1m_tokens_\(c)", "swing_per_1m_tokens_\(c)"],
            rows: result.tornado.bars.map { [t($0.parameter), t($0.lowInput), t($0.highInput), n($0.lowOutput), n($0.highOutput), n($0.swing)] }
        ))
        tables.append(ROIDataTable(
            id: "monte_carlo_inputs",
            columns: ["input", "distribution", "low_value", "base_value", "high_value"],
            rows: mc.inputs.map { [t($0.name), t($0.distribution), t($0.low), t($0.base), t($0.high)] }
        ))
        tables.append(ROIDataTable(
            id: "quality",
            columns: [
                "option", "scored_on", "scored_requests", "pass_rate_share", "pass_rate_low_share", "pass_rate_high_share", "per_task_\(c)",
                "per_correct_task_\(c)",
            ],
            rows: result.correctTasks.map { row in
                [
                    t(row.option), t(row.scoredOn), n(Double(row.quality.scored)), n(row.quality.passRate), n(row.quality.interval?.lowerBound),
                    n(row.quality.interval?.upperBound), n(row.perTask), n(row.perCorrectTask),
                ]
            }
        ))
        if let sovereignty = result.sovereignty {
            tables.append(ROIDataTable(
                id: "sovereignty",
                columns: [
                    "option", "provider", "jurisdiction", "cloud_act", "processing", "retention", "training", "certifications", "meets", "flag",
                    "sources", "read",
                ],
                rows: sovereignty.rows.map { row in
                    [
                        t(row.option), t(row.provider), t(row.jurisdiction), t(row.cloudAct), t(row.processing), t(row.retention), t(row.training),
                        t(row.certifications), t(row.meets.sorted().map(\.rawValue).joined(separator: " ")), t(row.flag ?? ""), t(row.sources), t(row.read),
                    ]
                }
            ))
            if let price = sovereignty.price {
                tables.append(ROIDataTable(
                    id: "price_of_sovereignty",
                    columns: [
                        "requirements", "cheapest_overall", "cheapest_overall_per_1m_tokens_\(c)", "cheapest_compliant",
                        "cheapest_compliant_per_1m_tokens_\(c)", "price_per_1m_tokens_\(c)", "price_monthly_\(c)",
                    ],
                    rows: [[
                        t(sovereignty.requirements.map(\.rawValue).joined(separator: " ")), t(price.cheapestOverall.option), n(price.cheapestOverall.perMillion),
                        t(price.cheapestCompliant.option), n(price.cheapestCompliant.perMillion), n(price.perMillion), n(price.monthly),
                    ]]
                ))
            }
        }
        tables.append(ROIDataTable(
            id: "inputs",
            columns: ["input", "value", "source", "read"],
            rows: result.inputs.map { [t($0.name), t($0.value), t($0.source), t($0.read)] }
        ))
        tables.append(ROIDataTable(id: "notes", columns: ["note"], rows: result.notes.map { [t($0)] }))
        return tables
    }

    /// Long CSV, one cell per line: `table,row,column,value`; `row` is the row's first cell
    /// (`row` numbers 1, 2, … for tables whose first cells repeat); numbers plain, empty when none.
    public static func csv(_ tables: [ROIDataTable]) -> String {
        var lines = ["table,row,column,value"]
        for table in tables {
            let names = table.rows.map { $0.first.map(text) ?? "" }
            let unique = Set(names).count == names.count
            for (index, row) in table.rows.enumerated() {
                let key = unique ? names[index] : String(index + 1)
                for (column, cell) in zip(table.columns, row).dropFirst(unique ? 1 : 0) {
                    lines.append([table.id, key, column, text(cell)].map(CSVField.text).joined(separator: ","))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One JSON object: `currency`, then each table id → an array of row objects; numbers as JSON
    /// numbers, `null` where there is none.
    public static func json(_ tables: [ROIDataTable], currency: Currency) -> String {
        var out = "{\n  \"currency\": "
        JSONString.append(currency.code, to: &out)
        for table in tables {
            out += ",\n  "
            JSONString.append(table.id, to: &out)
            out += ": ["
            for (index, row) in table.rows.enumerated() {
                out += index == 0 ? "\n    {" : ",\n    {"
                for (position, (column, cell)) in zip(table.columns, row).enumerated() {
                    if position > 0 { out += ", " }
                    JSONString.append(column, to: &out)
                    out += ": "
                    switch cell {
                    case .number(let value): out += value.map { "\($0)" } ?? "null"
                    case .text(let value): JSONString.append(value, to: &out)
                    }
                }
                out += "}"
            }
            out += table.rows.isEmpty ? "]" : "\n  ]"
        }
        return out + "\n}\n"
    }

    /// A cell as CSV text: a number in Swift's shortest exact form, empty for none.
    private static func text(_ cell: ROIDataCell) -> String {
        switch cell {
        case .number(let value): value.map { "\($0)" } ?? ""
        case .text(let value): value
        }
    }
}
