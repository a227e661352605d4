import Results

/// The ROI decision as a part of the performance report (`repat report RUN --roi CONFIG`): the same
/// one-page decision and grouped tables as `repat roi --format html`, and the same sections in
/// Markdown, so every figure reads the same in both documents.
public enum ROIEmbed {
    /// The insert for `result`.
    public static func insert(_ result: ROIResult) -> ReportInsert {
        let sections = ROIReport.sections(result)
        return ReportInsert(
            id: "roi", title: "Decision", html: ROIRender.htmlBody(sections, result: result), css: ROIRender.style,
            markdown: "## Is repatriation worth it?\n" + ROIRender.markdownBody(sections, level: 3)
                + "\nCharts (monthly cost against volume, cumulative cash, tornado) are in the HTML report.\n\n"
        )
    }
}
