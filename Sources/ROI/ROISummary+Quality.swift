import Metrics

extension ROISummary {
    /// One sentence for the terminal summary: each option's cost per correct task with the pass
    /// rate and 95% interval it rests on; nil when no answer was scored.
    static func correctTaskSentence(_ result: ROIResult) -> String? {
        guard !result.correctTasks.isEmpty else { return nil }
        let parts = result.correctTasks.map { row -> String in
            let interval = row.quality.interval.map { ", 95% \(ROIFormat.percent($0.lowerBound))–\(ROIFormat.percent($0.upperBound))" } ?? ""
            return "\(row.option) \(ROIFormat.amount(row.perCorrectTask)) (\(row.scoredOn) passed \(ROIFormat.percent(row.quality.passRate))\(interval))"
        }
        return "Cost per correct task (\(result.currency.code)): " + parts.joined(separator: "; ") + "."
    }
}
