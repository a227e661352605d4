/// Checks of scenario text that is sent as part of a request (``WireText``): a control character
/// in a header, a model name, a URL or an API key could split a header line and inject another,
/// so each is a problem at its line. A problem that came in through `${VAR}` names the variable,
/// never its value, which may be a secret.
extension ScenarioLoader {
    /// Reports the first control character of `expanded` (the `${VAR}`-expanded form of
    /// `written`) as a problem of `field`; `what` says what the text is (`a header value`).
    /// With `allowingTab`, a tab passes (header values may hold one).
    func checkWireText(
        _ written: String, expanded: String, field: String, line: Int?, what: String, allowingTab: Bool = false,
        into report: inout ProblemReport
    ) {
        guard let character = WireText.controlCharacter(in: expanded, allowingTab: allowingTab) else { return }
        if let literal = WireText.controlCharacter(in: written, allowingTab: allowingTab) {
            report.add(field, line: line, "contains a control character (\(literal)), which \(what) may not hold")
            return
        }
        let variable = EnvironmentExpansion.variables(in: written).first { name in
            WireText.controlCharacter(in: environment[name] ?? "", allowingTab: allowingTab) != nil
        }
        let source = variable.map { "the value of ${\($0)}" } ?? "its expanded value"
        report.add(field, line: line, "\(source) contains a control character (\(character)), which \(what) may not hold")
    }

    /// Reports a header name that is not an HTTP token, quoted with its control characters escaped.
    func checkHeaderName(_ name: String, field: String, line: Int?, into report: inout ProblemReport) {
        guard !WireText.isToken(name) else { return }
        report.add(
            field, line: line,
            "header name '\(WireText.visible(name))' is not an HTTP token: use letters, digits and \(WireText.tokenPunctuation) only"
        )
    }

    /// Reports an API key variable whose value holds a control character, naming the variable only.
    func checkAPIKey(variable: String, field: String, line: Int?, into report: inout ProblemReport) {
        guard let character = WireText.controlCharacter(in: environment[variable] ?? "") else { return }
        report.add(field, line: line, "the value of \(variable) contains a control character (\(character)), which an API key (sent in a header) may not hold")
    }
}
