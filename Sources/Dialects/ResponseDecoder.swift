/// Consumes one response body incrementally and reports what it observed.
///
/// Made by ``Dialect/makeDecoder(streaming:)`` for one response; called from one task only, in
/// order: any number of ``consume(_:receivedAt:)`` calls, then one ``finish(at:)``.
public protocol ResponseDecoder {
    /// Feeds the next body bytes.
    ///
    /// - Parameter receivedAt: monotonic time in nanoseconds at which the transport read these bytes;
    ///   every event completed by this read is stamped with it.
    mutating func consume(_ bytes: [UInt8], receivedAt: UInt64)

    /// Ends the body at `at` (monotonic nanoseconds) and returns everything observed.
    mutating func finish(at: UInt64) -> ResponseObservation
}
