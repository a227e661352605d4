/// Why `repat roi` cannot price a run: one line naming the file, field or target at fault.
public struct ROIError: Error, Sendable, CustomStringConvertible, Equatable {
    /// One line, e.g. `pricing/hardware.yaml:12: hardware[0].price.low: expected a number`.
    public var description: String

    /// Creates an error.
    public init(_ description: String) {
        self.description = description
    }
}
