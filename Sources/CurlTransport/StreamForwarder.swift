/// The handler behind ``CurlTransport/stream(_:options:)``: copies each chunk into a
/// ``TransferEvent`` and yields it into the consumer's stream, for callers that read a response in
/// their own task rather than on the transport thread.
final class StreamForwarder: ResponseHandler {
    private let continuation: AsyncThrowingStream<TransferEvent, any Error>.Continuation

    init(_ continuation: AsyncThrowingStream<TransferEvent, any Error>.Continuation) {
        self.continuation = continuation
    }

    func receivedHead(_ head: ResponseHead) {
        continuation.yield(.head(head))
    }

    func receivedBody(_ bytes: UnsafeRawBufferPointer, at time: UInt64) -> BodyDisposition {
        let result = continuation.yield(.body(BodyChunk(bytes: Array(bytes), receivedAt: time)))
        if case .terminated = result { return .cancel }
        return .proceed
    }

    /// Ends the consumer's stream: the final timings, or the failure thrown.
    func ended(_ end: TransferEnd) {
        switch end {
        case .success(let timings):
            continuation.yield(.finished(timings))
            continuation.finish()
        case .failure(let failure):
            continuation.finish(throwing: failure)
        }
    }
}
