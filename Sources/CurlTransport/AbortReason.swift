/// Why a consumer aborted a transfer through ``TransferControl/abort(_:message:)``: a name the
/// consumer chose, which the transport does not interpret and hands back in
/// ``TransferFailure/Kind/aborted(_:)``. Consumers declare their reasons as static constants in an
/// extension.
public struct AbortReason: Sendable, Hashable, CustomStringConvertible {
    /// The reason's name, as the failure's description shows it (e.g. `firstTokenTimeout`).
    public let name: String

    /// A reason named `name`.
    public init(_ name: String) {
        self.name = name
    }

    /// The name.
    public var description: String { name }
}
