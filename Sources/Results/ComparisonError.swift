/// Why a comparison could not be made (too few inputs, nothing aligned, a bad metric name or
/// `--fail-if` expression); the description is one line a person can act on.
public struct ComparisonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One line saying what is wrong and what is accepted.
    public var description: String

    /// Creates an error.
    public init(_ description: String) {
        self.description = description
    }
}
