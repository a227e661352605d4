import Metrics
import Results

extension ROIReport {
    /// Cost per correct task: each option with a measured pass rate, its cost per task, the pass
    /// rate with its 95% interval and where it was measured, and cost per task ÷ pass rate.
    static func correctTaskSection(_ result: ROIResult) -> ROISection {
        ROISection(
            id: "per-correct-task", title: "Cost per correct task (\(result.currency.code))",
            text: [
                "Answers to the identical prompts were scored against the dataset's expected answers (requests.csv `quality`). "
                    + "Cost per correct task = cost per task ÷ pass rate at the target's operating point; buying and renting use the on-prem target's "
                    + "pass rate (the same model serves them), a measured API its own. The interval is the 95% Wilson score interval; "
                    + "when two intervals overlap, the pass rates are not shown to differ."
            ],
            table: ReportTable(
                headings: ["option", "scored on", "answers scored", "pass rate", "95% interval", "per task", "per correct task", "per 1,000 correct tasks"],
                rows: result.correctTasks.map { row in
                    let interval = row.quality.interval.map { "\(ROIFormat.percent($0.lowerBound))–\(ROIFormat.percent($0.upperBound))" } ?? "-"
                    return [
                        row.option, row.scoredOn, String(row.quality.scored), ROIFormat.percent(row.quality.passRate), interval,
                        ROIFormat.amount(row.perTask), ROIFormat.amount(row.perCorrectTask), ROIFormat.amount(row.perCorrectTask * 1000),
                    ]
                },
                numericColumns: [2, 3, 5, 6, 7]
            )
        )
    }
}
