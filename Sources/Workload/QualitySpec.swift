/// The scenario's `quality:` section: what repat keeps of the answers besides scoring them, and
/// which target's answers the others are scored against.
public struct QualitySpec: Sendable, Equatable {
    /// `save_responses`: write every answer's text, with its verdict, to `responses.jsonl` in the
    /// run folder (default false).
    public var saveResponses: Bool
    /// `reference_target`: score every other target's answer against this target's answer to the
    /// same prompt (normalised exact match passes; the score is the token-overlap F1); nil: none.
    /// Items with an expected answer are scored against it instead.
    public var referenceTarget: String?

    /// Creates the section; the defaults keep nothing and compare with no target.
    public init(saveResponses: Bool = false, referenceTarget: String? = nil) {
        self.saveResponses = saveResponses
        self.referenceTarget = referenceTarget
    }
}
