/// Why selfbench could not run a step: one line a person can act on.
public struct SelfBenchError: Error, Sendable, CustomStringConvertible {
    /// The line.
    public var description: String

    /// Creates an error.
    public init(_ description: String) {
        self.description = description
    }
}
