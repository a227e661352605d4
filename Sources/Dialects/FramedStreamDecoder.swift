import Metrics

/// A streamed-response decoder made of a ``ResponseFraming`` and one API's handling of each frame:
/// the consume / finish / token and end-marker plumbing is written here once.
///
/// Each API's decoder is a small concrete struct conforming to this protocol, so the plumbing is
/// specialised for it (no existential or generic dispatch per event on the per-token path); only
/// the ``ResponseDecoder`` call per read is dynamic.
protocol FramedStreamDecoder: ResponseDecoder {
    /// How the body is cut into frames.
    associatedtype Framing: ResponseFraming

    /// The framing, the observation so far and the frames a read completed.
    var stream: FramedStream<Framing> { get set }

    /// Folds one complete frame, completed by a read at `time` (monotonic ns), into
    /// `stream.observation`.
    mutating func handle(_ frame: Framing.Frame, at time: UInt64)

    /// Sees every read before it is framed (bytes valid only during the call); by default nothing.
    mutating func bodyArrived(_ bytes: UnsafeRawBufferPointer)

    /// The observation once every frame, the unterminated last one included, is handled at `time`
    /// (monotonic ns); by default `stream.observation`.
    mutating func finished(at time: UInt64) -> ResponseObservation
}

/// The state every ``FramedStreamDecoder`` keeps besides its own.
struct FramedStream<Framing: ResponseFraming>: Sendable {
    /// The body's framing.
    var framing = Framing()
    /// What the frames handled so far showed; framing errors count as parse errors.
    var observation = ResponseObservation()
    /// Frames completed by the current read; kept empty between reads so its storage is reused.
    var completed: [Framing.Frame] = []

    /// Empty, at the start of a body.
    init() {}
}

extension FramedStreamDecoder {
    /// Frames the next bytes; the frames they complete are handled, stamped `receivedAt` (monotonic ns).
    mutating func consume(_ bytes: UnsafeRawBufferPointer, receivedAt: UInt64) {
        bodyArrived(bytes)
        var frames = stream.completed
        stream.completed = []
        stream.observation.parseErrors += stream.framing.feed(bytes, into: &frames)
        for frame in frames {
            handle(frame, at: receivedAt)
        }
        frames.removeAll(keepingCapacity: true)
        stream.completed = frames
    }

    /// Whether a token-bearing frame has arrived so far.
    var hasToken: Bool { !stream.observation.tokens.isEmpty }

    /// Bytes the framing holds for the frame being assembled.
    var heldBytes: Int { stream.framing.heldBytes }

    /// Output tokens seen so far (the larger of the reported count and the deltas).
    var outputTokensSeen: Int { stream.observation.outputTokensSeen }

    /// Starts the framing afresh, dropping the frame being assembled; the observation stays.
    mutating func releaseHeld() {
        stream.framing = Framing()
    }

    /// Whether the API's end marker has arrived.
    var sawEndMarker: Bool { stream.observation.sawEndMarker }

    /// Ends the body at `at` (monotonic ns): an unterminated last frame is handled at that time.
    mutating func finish(at: UInt64) -> ResponseObservation {
        var frames: [Framing.Frame] = []
        stream.observation.parseErrors += stream.framing.finish(into: &frames)
        for frame in frames {
            handle(frame, at: at)
        }
        return finished(at: at)
    }

    /// Nothing: most APIs look at frames only.
    mutating func bodyArrived(_ bytes: UnsafeRawBufferPointer) {}

    /// The observation as the frames left it.
    mutating func finished(at time: UInt64) -> ResponseObservation {
        stream.observation
    }
}
