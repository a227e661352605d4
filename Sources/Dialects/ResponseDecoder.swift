/// Consumes one response body incrementally and reports what it observed.
///
/// Made by ``Dialect/makeDecoder(streaming:)`` for one response; called from one task only, in
/// order: any number of ``consume(_:receivedAt:)`` calls, then one ``finish(at:)``.
public protocol ResponseDecoder {
    /// Feeds the next body bytes.
    ///
    /// - Parameters:
    ///   - bytes: the bytes as the transport read them, valid only during the call (the decoder reads
    ///     them in place and copies only what it must keep, such as an incomplete last line).
    ///   - receivedAt: monotonic time in nanoseconds at which the transport read these bytes;
    ///     every event completed by this read is stamped with it.
    mutating func consume(_ bytes: UnsafeRawBufferPointer, receivedAt: UInt64)

    /// Whether a token-bearing event has arrived so far (always false for a non-streamed body,
    /// whose content counts only once complete).
    var hasToken: Bool { get }

    /// Whether the protocol's end marker has arrived so far (`[DONE]`, `message_stop`, …); the
    /// caller may then stop reading a stream the server keeps open.
    var sawEndMarker: Bool { get }

    /// Bytes the decoder holds for what is not complete yet: the event or line being assembled
    /// (for an AWS event-stream message, the length its prelude announces), or, for a non-streamed
    /// response, the body so far. The response size limits are checked against it.
    var heldBytes: Int { get }

    /// Output tokens seen so far, as ``ResponseObservation/outputTokensSeen`` counts them (0 for a
    /// non-streamed body, read only once complete): a response's length is checked against it.
    var outputTokensSeen: Int { get }

    /// Frees what is held for an incomplete frame (or, non-streamed, the body so far): the
    /// response is being abandoned for its size, and ``finish(at:)`` then reads only what was
    /// complete.
    mutating func releaseHeld()

    /// Ends the body at `at` (monotonic nanoseconds) and returns everything observed.
    mutating func finish(at: UInt64) -> ResponseObservation
}
