/// Splits a streamed response body into the units its API sends — server-sent events,
/// newline-delimited JSON lines, event-stream messages — however the reads cut it.
///
/// One framing per response; fed in order, then finished once. The frames it appends are handed to
/// the API's ``FramedStreamDecoder/handle(_:at:)``.
protocol ResponseFraming: Sendable {
    /// One unit of the stream, complete.
    associatedtype Frame: Sendable

    /// A framing at the start of a body.
    init()

    /// Frames the next body bytes (valid only during the call), appending the frames they complete
    /// to `frames` in order.
    /// - Returns: how many framing errors these bytes caused (each counts one parse error).
    mutating func feed(_ bytes: UnsafeRawBufferPointer, into frames: inout [Frame]) -> Int

    /// Bytes held for the frame being assembled: what a frame size limit is checked against.
    var heldBytes: Int { get }

    /// Ends the body, appending an unterminated last frame where the format allows one.
    /// - Returns: how many framing errors the end of the body shows (a message cut short).
    mutating func finish(into frames: inout [Frame]) -> Int
}
