/// What a ``ResponseHandler`` wants done with a transfer after taking a chunk of its body.
public enum BodyDisposition: Sendable, Equatable {
    /// Keep reading.
    case proceed
    /// Stop now: the consumer went away. The transfer ends as ``TransferFailure/Kind/cancelled``.
    case cancel
    /// Stop now, for a reason of the consumer's own (a size limit the body broke, say): the
    /// transfer ends at once, inside curl's write callback, as ``TransferFailure/Kind/aborted(_:)``
    /// carrying `reason`, with `message` as its text. No further byte is handed over.
    case abort(AbortReason, message: String)
}
