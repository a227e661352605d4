import Foundation
import RepatSupport

/// Renders `compare`'s results: an aligned terminal table, a Markdown table or CSV. Every form
/// states the method, confidence and resample count (a foot line, or CSV columns), and each row
/// what its verdict rests on: `between repeats` or `within-run only` (the `basis` column).
public enum ComparisonReport {
    /// CSV column names, one row per pair × metric.
    public static let csvColumns = [
        "baseline", "candidate", "target", "load_level", "metric", "baseline_value", "candidate_value",
        "diff", "rel_diff", "ci_low", "ci_high", "verdict", "method", "confidence", "resamples",
        "basis", "baseline_repeats", "candidate_repeats", "ci_reach",
    ]

    /// Plain-text tables, one block per candidate-vs-baseline comparison, columns aligned across
    /// blocks (numbers right-aligned), then the method line.
    public static func table(_ results: [ComparisonRow], options: ComparisonOptions) -> String {
        let showTarget = results.contains { $0.target != nil }
        let textHeadings = (showTarget ? ["target"] : []) + ["level", "metric"]
        let headings = textHeadings + numberHeadings + ["verdict", "basis"]
        let rows = results.map { result in
            (showTarget ? [result.target ?? "-"] : []) + [result.loadLevel, result.metric.name] + numberCells(result)
                + [result.verdict.rawValue, basis(result)]
        }
        let widths = headings.indices.map { column in ([headings] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                let rightAligned = column >= textHeadings.count && column < headings.count - 2
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
        return text + "\n" + options.methodLine(for: results.map(\.method)) + "\n"
    }

    /// One Markdown table of every result, then the method line as a paragraph.
    public static func markdown(_ results: [ComparisonRow], options: ComparisonOptions) -> String {
        let showTarget = results.contains { $0.target != nil }
        let textHeadings = ["baseline", "candidate"] + (showTarget ? ["target"] : []) + ["level", "metric"]
        let headings = textHeadings + numberHeadings.map { $0 == "baseline" || $0 == "candidate" ? "\($0) value" : $0 }
            + ["verdict", "basis"]
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingPipes() }.joined(separator: " | ") + " |\n"
        }
        var text = line(headings)
        text += "|" + String(repeating: " --- |", count: textHeadings.count)
            + String(repeating: " ---: |", count: numberHeadings.count) + " --- | --- |\n"
        for result in results {
            text += line([result.baseline, result.candidate] + (showTarget ? [result.target ?? "-"] : [])
                + [result.loadLevel, result.metric.name] + numberCells(result) + [result.verdict.rawValue, basis(result)])
        }
        return text + "\n_" + options.methodLine(for: results.map(\.method)) + "_\n"
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
                result.verdict.rawValue, result.method.rawValue, String(options.confidence), String(options.resamples),
                result.method.basis, String(result.baselineRepeats), String(result.candidateRepeats),
                ComparisonText.csvNumber(result.intervalReach),
            ]
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }

    /// The noise floor an A/A comparison (`compare --aa`) measured: per level, each metric's
    /// ``ComparisonRow/intervalReach`` as a percentage, one line per level after a heading line.
    public static func noiseFloor(_ results: [ComparisonRow]) -> String {
        var levels: [String] = []
        for result in results where !levels.contains(result.loadLevel) { levels.append(result.loadLevel) }
        var text = "noise floor (A/A: how far each interval reaches from 0, as a share of the baseline; smaller changes cannot be told from noise here):\n"
        for level in levels {
            let figures = results.filter { $0.loadLevel == level }.map { result in
                "\(result.metric.name) ±" + (result.intervalReach.map { String(format: "%.1f%%", $0 * 100) } ?? "-")
            }
            text += "  \(level): " + figures.joined(separator: ", ") + "\n"
        }
        return text
    }

    /// The basis cell: `between repeats (3 vs 3)` or `within-run only`.
    private static func basis(_ result: ComparisonRow) -> String {
        switch result.method {
        case .betweenRepeats: "\(result.method.basis) (\(result.baselineRepeats) vs \(result.candidateRepeats))"
        case .withinRun: result.method.basis
        }
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
