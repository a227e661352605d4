/// How one response was judged: its `quality` cell in `requests.csv`. A request that was not
/// scored (no expected answer, no reference answer, or not a success) has none: an empty cell.
public enum QualityVerdict: String, Sendable, CaseIterable {
    /// The answer is correct (or agrees with the reference target's).
    case pass
    /// The answer is wrong (or disagrees with the reference target's).
    case fail
}
