/// A file could not be created or appended to; the description is one line naming the file.
public struct AppendOnlyFileError: Error, Sendable, CustomStringConvertible {
    /// One line naming the file and the reason.
    public var description: String

    /// Creates an error.
    public init(_ description: String) {
        self.description = description
    }
}
