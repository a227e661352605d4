/// The scenario's `quality:` section: what repat keeps of the answers besides scoring them.
public struct QualitySpec: Sendable, Equatable {
    /// `save_responses`: write every answer's text, with its verdict, to `responses.jsonl` in the
    /// run folder (default false).
    public var saveResponses: Bool

    /// Creates the section; the defaults keep nothing.
    public init(saveResponses: Bool = false) {
        self.saveResponses = saveResponses
    }
}
