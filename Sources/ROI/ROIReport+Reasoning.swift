import Results

extension ROIReport {
    /// Reasoning tokens at each operating point that showed reasoning: per request and as a share
    /// of the output tokens. They are priced as output tokens, as every API bills them; this
    /// section says how much of the output, and of its cost, they are. Nil when no operating
    /// point's requests reasoned.
    static func reasoningSection(_ result: ROIResult) -> ROISection? {
        let rows = result.operatingPoints.compactMap { point -> [String]? in
            let m = point.measurement
            guard let reasoning = m.meanReasoningTokens else { return nil }
            let share = m.meanOutputTokens > 0 ? reasoning / m.meanOutputTokens : nil
            return [
                m.target, m.level, ROIFormat.number(reasoning, decimals: 1),
                ROIFormat.number(max(0, m.meanOutputTokens - reasoning), decimals: 1), ROIFormat.percent(share),
            ]
        }
        guard !rows.isEmpty else { return nil }
        return ROISection(
            id: "reasoning", title: "Reasoning tokens",
            text: [
                "Reasoning tokens (requests.csv `reasoning_tokens`) are priced as output tokens, as every API bills them: "
                    + "they are in the output tokens above. Their share is the part of the output cost spent reasoning."
            ],
            table: ReportTable(
                headings: ["target", "level", "reasoning tokens per request", "answer tokens per request", "reasoning share of output"],
                rows: rows, numericColumns: [2, 3, 4]
            )
        )
    }
}
