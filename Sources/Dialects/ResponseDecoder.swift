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

    /// Ends the body at `at` (monotonic nanoseconds) and returns everything observed.
    mutating func finish(at: UInt64) -> ResponseObservation
}
