/// Aborts one transfer from outside its consuming loop (a consumer's watchdog, say).
public struct TransferControl: Sendable {
    weak var transport: CurlTransport?
    let id: UInt64

    /// Ends the transfer now for a reason of the consumer's own: it fails with
    /// ``TransferFailure/Kind/aborted(_:)`` carrying `reason`, and `message`. Does nothing once the
    /// transfer has finished.
    public func abort(_ reason: AbortReason, message: String) {
        transport?.abort(id, kind: .aborted(reason), message: message)
    }

    /// Ends the transfer now as ``TransferFailure/Kind/cancelled`` (its consumer went away).
    func cancel(message: String) {
        transport?.abort(id, kind: .cancelled, message: message)
    }
}
