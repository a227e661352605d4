import EventStream

/// AWS event stream (`application/vnd.amazon.eventstream`), as Bedrock streams: one frame per
/// message, both CRCs checked.
///
/// A broken frame (bad CRC, impossible length) is one framing error and ends framing: nothing after
/// it can be trusted, so later bytes are ignored. A message cut short by the end of the body is one
/// framing error too.
struct AWSEventStreamFraming: ResponseFraming {
    private var decoder = EventStreamDecoder()
    /// Set by a framing error; later bytes are ignored.
    private var failed = false
    /// The announced length of a message refused as too long.
    private var refusedLength: Int?

    /// A framing at the start of a body.
    init() {}

    /// Appends the messages `bytes` complete; a broken frame yields none and fails the framing.
    mutating func feed(_ bytes: UnsafeRawBufferPointer, into frames: inout [EventStreamMessage]) -> Int {
        guard !failed else { return 0 }
        do {
            frames.append(contentsOf: try decoder.feed(bytes))
            return 0
        } catch {
            failed = true
            refusedLength = error.refusedMessageLength.map(Int.init)
            return 1
        }
    }

    /// The length the prelude of the message being assembled announces, once its prelude is in;
    /// the bytes buffered before that. A message refused as too long (over 16 MiB, AWS's own
    /// limit) holds nothing but still counts its announced length, so a size limit sees it.
    var heldBytes: Int { refusedLength ?? decoder.pendingMessageLength }

    /// One error when the body ended inside a message (and framing had not failed already).
    mutating func finish(into frames: inout [EventStreamMessage]) -> Int {
        !failed && decoder.hasPartialMessage ? 1 : 0
    }
}
