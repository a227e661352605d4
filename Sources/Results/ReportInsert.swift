/// A part another module adds at the top of the performance report (the ROI decision of
/// `repat report --roi`): already rendered, so Results need not know what it holds.
public struct ReportInsert: Sendable, Equatable {
    /// Anchor id of its section (`roi`), linked from the page's navigation.
    public var id: String
    /// Link text in the navigation.
    public var title: String
    /// HTML, already escaped, self-contained (inline SVG, no scripts).
    public var html: String
    /// CSS its HTML needs, added to the page's style.
    public var css: String
    /// The same part as Markdown, headings from `##` down.
    public var markdown: String

    /// Creates an insert.
    public init(id: String, title: String, html: String, css: String, markdown: String) {
        self.id = id
        self.title = title
        self.html = html
        self.css = css
        self.markdown = markdown
    }
}
