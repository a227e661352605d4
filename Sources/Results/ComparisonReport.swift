import RepatSupport

/// Renders `compare`'s results: an aligned terminal table, a Markdown table or CSV. Every form
/// states the method, confidence and resample count (a foot line, or CSV columns).
public enum ComparisonReport {
    /// CSV column names, one row per pair × metric.
    public static let csvColumns = [
        "baseline", "candidate", "target", "load_level", "metric", "baseline_value", "candidate_value",
        "diff", "rel_diff", "ci_low", "ci_high", "verdict", "method", "confidence", "resamples",
    ]

    /// Plain-text tables, one block per candidate-vs-baseline comparison, columns aligned across
    /// blocks (numbers right-aligned), then the method line.
    public static func table(_ results: [ComparisonRow], options: ComparisonOptions) -> String {
        let showTarget = results.contains { $0.target != nil }
        let textHeadings = (showTarget ? ["target"] : []) + ["level", "metric"]
        let headings = textHeadings + numberHeadings + ["verdict"]
        let rows = results.map { result in
            (showTarget ? [result.target ?? "-"] : []) + [result.loadLevel, result.metric.name] + numberCells(result)
                + [result.verdict.rawValue]
        }
        let widths = headings.indices.map { column in ([headings] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                let rightAligned = column >= textHeadings.count && column < headings.count - 1
                return rightAligned ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var text = ""
        var currentGroup: [String] = []
        for (result, row) in zip(results, rows) {
            let group = [result.baseline, result.candidate]
            if group != currentGroup {
                if !currentGroup.isEmpty { text += "\n" }
                currentGroup = group
                text += "\(result.candidate) vs baseline \(result.baseline)\n" + line(headings) + "\n"
            }
            text += line(row) + "\n"
        }
        return text + "\n" + options.methodLine + "\n"
    }

    /// One Markdown table of every result, then the method line as a paragraph.
    public static func markdown(_ results: [ComparisonRow], options: ComparisonOptions) -> String {
        let showTarget = results.contains { $0.target != nil }
        let textHeadings = ["baseline", "candidate"] + (showTarget ? ["target"] : []) + ["level", "metric"]
        let headings = textHeadings + numberHeadings.map { $0 == "baseline" || $0 == "candidate" ? "\($0) value" : $0 }
            + ["verdict"]
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingPipes() }.joined(separator: " | ") + " |\n"
        }
        var text = line(headings)
        text += "|" + String(repeating: " --- |", count: textHeadings.count)
            + String(repeating: " ---: |", count: numberHeadings.count) + " --- |\n"
        for result in results {
            text += line([result.baseline, result.candidate] + (showTarget ? [result.target ?? "-"] : [])
                + [result.loadLevel, result.metric.name] + numberCells(result) + [result.verdict.rawValue])
        }
        return text + "\n_" + options.methodLine + "_\n"
    }

    /// CSV with ``csvColumns``: full-precision numbers, empty cells for missing values.
    public static func csv(_ results: [ComparisonRow], options: ComparisonOptions) -> String {
        var text = csvColumns.joined(separator: ",") + "\n"
        for result in results {
            let cells = [
                CSVField.text(result.baseline), CSVField.text(result.candidate), CSVField.text(result.target ?? ""),
                CSVField.text(result.loadLevel), result.metric.name,
                ComparisonText.csvNumber(result.baselineValue), ComparisonText.csvNumber(result.candidateValue),
                ComparisonText.csvNumber(result.difference), ComparisonText.csvNumber(result.relativeDifference),
                ComparisonText.csvNumber(result.interval?.low), ComparisonText.csvNumber(result.interval?.high),
                result.verdict.rawValue, "percentile_bootstrap", String(options.confidence), String(options.resamples),
            ]
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }

    private static let numberHeadings = ["baseline", "candidate", "diff", "diff %", "CI low", "CI high"]

    private static func numberCells(_ result: ComparisonRow) -> [String] {
        let metric = result.metric
        return [
            ComparisonText.number(result.baselineValue, metric), ComparisonText.number(result.candidateValue, metric),
            ComparisonText.number(result.difference, metric, signed: true), ComparisonText.percent(result.relativeDifference),
            ComparisonText.number(result.interval?.low, metric, signed: true),
            ComparisonText.number(result.interval?.high, metric, signed: true),
        ]
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }

    fileprivate func replacingPipes() -> String {
        split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
