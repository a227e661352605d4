/// Splits a newline-delimited JSON body (`application/x-ndjson`, as Ollama streams it) into lines as
/// its bytes arrive, however the reads cut it.
///
/// Append each read with ``append(_:)``, then take the lines it completed with ``nextLine()`` until
/// that returns `nil`; at the end of the body ``finish()`` hands over a last line that has no
/// newline. Lines end in `\n`; a `\r` before it is dropped. Blank lines are returned like any other
/// (the caller skips them). Bytes are never required to be valid UTF-8.
///
/// Work is linear in the bytes appended: each byte is searched for a newline once, and only the
/// unfinished line is kept between reads.
public struct NDJSONLineSplitter: Sendable {
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    /// Unconsumed bytes: complete lines not yet taken, then the start of an unfinished line.
    private var buffer: [UInt8] = []
    /// Where the next line starts in ``buffer``.
    private var lineStart = 0
    /// Where the search for the next newline resumes (bytes before it hold none after `lineStart`).
    private var searchFrom = 0

    /// Creates a splitter at the start of a body.
    public init() {}

    /// Bytes held and not yet taken as lines: once ``nextLine()`` has returned `nil`, the
    /// unfinished line.
    public var pendingBytes: Int { buffer.count - lineStart }

    /// Adds the next bytes of the body (copied: the lines are slices of the splitter's buffer).
    public mutating func append(_ bytes: some Collection<UInt8>) {
        if lineStart > 0 {
            buffer.removeSubrange(0..<lineStart)
            searchFrom -= lineStart
            lineStart = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete line (without its `\n` or `\r\n`), or `nil` when the bytes appended so far
    /// complete no further line.
    public mutating func nextLine() -> ArraySlice<UInt8>? {
        guard let newline = buffer[searchFrom...].firstIndex(of: Self.lf) else {
            searchFrom = buffer.count
            return nil
        }
        let line = Self.droppingCarriageReturn(buffer[lineStart..<newline])
        lineStart = newline + 1
        searchFrom = lineStart
        return line
    }

    /// Ends the body: the last line when the body did not end with a newline (`nil` otherwise), then
    /// resets the splitter for a new body. Call after ``nextLine()`` has returned `nil`.
    public mutating func finish() -> ArraySlice<UInt8>? {
        defer { self = NDJSONLineSplitter() }
        guard lineStart < buffer.count else { return nil }
        return Self.droppingCarriageReturn(buffer[lineStart...])
    }

    private static func droppingCarriageReturn(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.last == cr ? line.dropLast() : line
    }
}
