import CurlTransport
import Dialects

/// Reads one attempt's response on the transport thread: decodes body bytes as curl hands them
/// over, keeps the error body of a non-2xx response, and tells the watchdog about progress.
///
/// Touched by the transport thread while the transfer runs and by the executing task only after
/// ``CurlTransport/exchange(_:options:handler:started:)`` has returned, hence `@unchecked Sendable`.
final class ResponseReader: ResponseHandler, @unchecked Sendable {
    /// Largest error body kept for the error message.
    static let errorBodyLimit = 16 * 1024
    /// How long a stream may stay open after its end marker before repat stops reading.
    static let endMarkerGraceNs: UInt64 = 500_000_000

    private(set) var decoder: any ResponseDecoder
    private(set) var head: ResponseHead?
    private(set) var errorBody: [UInt8] = []
    /// When the last body bytes arrived, if any did.
    private(set) var lastBytesAt: UInt64?
    /// A copy of the 2xx body, kept only when the answer is to be read (``keepsBody``), up to
    /// ``keptBodyLimit`` bytes; read after the transfer has ended.
    private(set) var keptBody: [UInt8] = []
    /// Whether the body is copied into ``keptBody``.
    let keepsBody: Bool
    /// Largest body kept for reading the answer.
    static let keptBodyLimit = 8 << 20
    /// What the response may hold before it is stopped.
    let bounds: ResponseBounds
    let activity: Activity
    /// Set by `exchange`'s `started`, before the transfer can call back.
    var control: TransferControl?
    private var endGrace: Task<Void, Never>?

    /// - Parameter sendAt: the request's send time (monotonic ns; 0 for at once), from which the
    ///   watchdog counts.
    ///   `bounds`: what the response may hold before it is stopped.
    ///   `keepsBody`: copy the 2xx body for reading the answer once the request has ended.
    init(decoder: any ResponseDecoder, sendAt: UInt64, bounds: ResponseBounds, keepsBody: Bool = false) {
        self.decoder = decoder
        self.bounds = bounds
        self.keepsBody = keepsBody
        activity = Activity(now: max(MonotonicClock.now(), sendAt))
    }

    func receivedHead(_ head: ResponseHead) {
        self.head = head
    }

    /// Decodes the bytes; stops the transfer at once, freeing what the decoder holds, when the
    /// response breaks one of its ``bounds``.
    func receivedBody(_ bytes: UnsafeRawBufferPointer, at time: UInt64) -> BodyDisposition {
        lastBytesAt = time
        activity.bytesArrived(at: time)
        if let status = head?.status, !(200..<300).contains(status) {
            errorBody.append(contentsOf: bytes.prefix(Self.errorBodyLimit - errorBody.count))
            return .proceed
        }
        decoder.consume(bytes, receivedAt: time)
        if let breach = bounds.breach(heldBytes: decoder.heldBytes, outputTokens: decoder.outputTokensSeen) {
            decoder.releaseHeld()
            return .abort(breach.reason, message: breach.message)
        }
        if keepsBody, keptBody.count + bytes.count <= Self.keptBodyLimit {
            keptBody.append(contentsOf: bytes)
        }
        if decoder.hasToken { activity.tokenArrived() }
        if decoder.sawEndMarker && endGrace == nil, let control {
            endGrace = Task {
                try? await Task.sleep(nanoseconds: Self.endMarkerGraceNs)
                if !Task.isCancelled {
                    control.abort(.stoppedAfterEnd, message: "server kept the stream open after its end marker")
                }
            }
        }
        return .proceed
    }

    /// Stops the end-marker grace timer, if one runs; call once the transfer has ended.
    func finished() {
        endGrace?.cancel()
    }
}
