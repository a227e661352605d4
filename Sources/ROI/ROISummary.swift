import Foundation
import Results

/// The terminal summary of `repat roi` (`--format table` without `--all`): the verdict, the
/// operating point, and buying against renting against a few APIs, in one grouped table whose
/// every line fits the terminal's width. The full report (every API, break-even, TCO,
/// sensitivity, sources) is `--format table --all`.
public enum ROISummary {
    /// How many of the cheapest APIs are listed besides the reference and the measured ones.
    public static let cheapestAPIs = 3
    /// The narrowest width the summary lays itself out for; a narrower terminal gets lines cut to it.
    public static let minimumWidth = 40

    /// The summary of `result`, every line at most `width` characters (at least ``minimumWidth``).
    public static func text(_ result: ROIResult, width: Int) -> String {
        let width = max(width, minimumWidth)
        let c = result.currency
        var lines = ["== Verdict =="]
        lines += (result.headline.lines(c) + ROIHeadline.remarks(result, caveat: result.operatingPoint.caveat)).flatMap { wrap($0, width: width) }
        lines.append("")
        if !result.assumptions.isEmpty {
            lines.append("== Assumptions to check ==")
            for assumption in result.assumptions {
                lines += wrap("\(assumption.name): \(assumption.value)\(assumption.overridden ? " (yours)" : "")", width: width)
            }
            lines.append("")
        }
        if !result.warnings.isEmpty {
            lines.append("== Warnings ==")
            for warning in result.warnings { lines += wrap("! " + warning, width: width) }
            lines.append("")
        }
        let point = result.operatingPoint
        let m = point.measurement
        let judged = m.status.isPartial ? "incomplete (\(m.status.rawValue))" : point.meetsSLO.map { $0 ? "SLOs met" : "SLOs missed" } ?? "no SLOs set"
        lines += wrap(
            "Operating point: \(m.target) at \(m.level) (\(judged)), \(ROIFormat.number(result.tokensPerSecond, decimals: 1)) tokens/s on the serving hardware; \(ROIFormat.tokens(result.volume)) tokens a month, \(ROIFormat.percent(result.utilisation)) of capacity.",
            width: width
        )
        lines += ["", "== Costs (\(c.code)) =="]
        lines += table(groups(result), width: width)
        if let sentence = correctTaskSentence(result) { lines += [""] + wrap(sentence, width: width) }
        if let sovereignty = result.sovereignty, let sentence = SovereigntySection.priceSentence(sovereignty, currency: c) {
            lines += [""] + wrap(sentence, width: width)
        }
        lines.append("")
        var more = "Every API (\(result.apis.count)), break-even, payback, TCO, sensitivity, where the data goes and sources"
        if !result.notes.isEmpty { more += ", and \(result.notes.count == 1 ? "1 note" : "\(result.notes.count) notes")" }
        lines += wrap(more + ": add \(unbroken("--format table --all")).", width: width).map { $0.replacingOccurrences(of: "\u{A0}", with: " ") }
        return lines.map { fit($0, width: width) }.joined(separator: "\n") + "\n"
    }

    /// One option of the table: its name, remarks on it (`reference`, `cheapest`) and its figures
    /// (per 1M tokens, per task, per month).
    struct Row {
        var name: String
        var tags: [String] = []
        var figures: [String]

        /// The name with its remarks in brackets.
        var label: String { tags.isEmpty ? name : "\(name) (\(tags.joined(separator: ", ")))" }
    }

    /// One group of rows under a heading.
    struct Group {
        var title: String
        var rows: [Row]
    }

    /// Own hardware (buying, renting), then the APIs in their groups (same model, measured in this
    /// run, different model; see ``APIGroup``): every API of the first two groups, and of the
    /// third the reference and the cheapest few; cheapest first within a group.
    static func groups(_ result: ROIResult) -> [Group] {
        func perTask(_ option: String) -> String {
            result.tasks.first { $0.option == option }.map { ROIFormat.amount($0.perTask) } ?? "-"
        }
        let own = ([result.onPrem] + result.rents).map { option in
            Row(name: option.name, figures: [ROIFormat.amount(option.perMillionBlended), perTask(option.name), ROIFormat.amount(option.monthly.total)])
        }
        let byPrice = result.apis.sorted { $0.perMillionBlended < $1.perMillionBlended }
        let cheapest = Set(byPrice.prefix(cheapestAPIs).map(\.price.id))
        let reference = result.referenceChoice.givesVerdict ? "reference" : "for orientation only"
        var groups = [Group(title: "Own hardware", rows: own)]
        for group in APIGroup.allCases {
            let members = byPrice.filter { $0.group == group }
            let shown = group != .differentModel ? members : members.filter { api in
                api.price.id == result.referenceAPI || cheapest.contains(api.price.id)
            }
            let rows = shown.map { api in
                var tags: [String] = []
                if api.price.id == result.referenceAPI { tags.append(reference) }
                if let target = api.measuredTarget { tags.append("measured as \(target)") }
                if cheapest.contains(api.price.id) { tags.append("cheapest") }
                return Row(
                    name: "API \(api.price.id)", tags: tags,
                    figures: [ROIFormat.amount(api.perMillionBlended), perTask("API \(api.price.id)"), ROIFormat.amount(api.monthly)]
                )
            }
            guard !rows.isEmpty else { continue }
            groups.append(Group(title: "APIs, \(group.title) (\(shown.count) of \(members.count))", rows: rows))
        }
        return groups
    }

    /// The groups as one aligned table. The option column takes what the figures leave of `width`
    /// (remarks cut with `…` first); when even the plainest name would not fit beside the figures,
    /// each option's figures go on the line under its name.
    static func table(_ groups: [Group], width: Int) -> [String] {
        let headings = Row(name: "option", figures: ["per 1M tok", "per task", "per month"])
        let rows = groups.flatMap(\.rows)
        let figureWidths = headings.figures.indices.map { column in ([headings] + rows).map { $0.figures[column].count }.max() ?? 0 }
        let available = width - figureWidths.reduce(0) { $0 + $1 + 2 }
        let stacked = available < (rows.map { $0.name.count + 2 }.max() ?? 0)
        let nameWidth = stacked ? 4 : min(rows.map { $0.label.count + 2 }.max() ?? 0, available)
        func figureText(_ row: Row) -> String {
            zip(row.figures, figureWidths).map { figure, columnWidth in
                "  " + String(repeating: " ", count: columnWidth - figure.count) + figure
            }.joined()
        }
        func line(_ row: Row, indent: Bool) -> [String] {
            let name = (indent ? "  " : "") + row.label
            if stacked { return [fit(name, width: width), String(repeating: " ", count: nameWidth) + figureText(row)] }
            let cut = fit(name, width: nameWidth)
            return [cut + String(repeating: " ", count: nameWidth - cut.count) + figureText(row)]
        }
        var lines = line(headings, indent: false)
        for group in groups where !group.rows.isEmpty {
            lines.append(group.title)
            lines += group.rows.flatMap { line($0, indent: true) }
        }
        return lines
    }

    /// `text` with no-break spaces, so ``wrap(_:width:)`` keeps it on one line.
    private static func unbroken(_ text: String) -> String {
        text.replacingOccurrences(of: " ", with: "\u{A0}")
    }

    /// `text` cut to `width` characters, ending in `…` when cut.
    static func fit(_ text: String, width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }

    /// `text` broken into lines of at most `width` characters at spaces (a longer word is cut by
    /// ``fit(_:width:)``).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
