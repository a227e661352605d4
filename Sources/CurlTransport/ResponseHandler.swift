/// Takes one response as curl hands it over, on the transport thread.
///
/// This is the hot path of a run: bytes go from curl's buffer straight into the handler, with no
/// copy, no task wake-up and no actor hop per chunk. The transport calls a handler from one of its
/// threads only, in order: at most one ``receivedHead(_:)``, then any number of
/// ``receivedBody(_:at:)``; nothing after the transfer has ended. Every transfer served by the same
/// thread waits while a handler runs, so keep the work short (parse, stamp, count).
///
/// A handler is handed to the transport by the task that sends the request and read back by it
/// once ``CurlTransport/exchange(_:options:handler:started:)`` returns; the transport's queue and
/// the completion orders those accesses, which is why implementations may be `@unchecked Sendable`.
public protocol ResponseHandler: AnyObject, Sendable {
    /// The response's status line and header fields have arrived (1xx responses are skipped).
    func receivedHead(_ head: ResponseHead)

    /// Body bytes, stamped with ``MonotonicClock`` before anything else ran in curl's write
    /// callback. The buffer is curl's and only valid during the call.
    /// - Returns: whether to keep reading, or to end the transfer now and how (see ``BodyDisposition``).
    func receivedBody(_ bytes: UnsafeRawBufferPointer, at time: UInt64) -> BodyDisposition
}

/// How a transfer ended: curl's timings when it completed at the HTTP level (any status code), or
/// why it failed.
public typealias TransferEnd = Result<TransferTimings, TransferFailure>
