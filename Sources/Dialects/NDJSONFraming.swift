/// Newline-delimited JSON (`application/x-ndjson`), as Ollama streams: one frame per line (without
/// its line ending), a last line without a newline included.
///
/// The lines are slices of the splitter's buffer, valid until the next ``feed(_:into:)``.
struct NDJSONFraming: ResponseFraming {
    private var splitter = NDJSONLineSplitter()

    /// A framing at the start of a body.
    init() {}

    /// Appends `bytes` to the line buffer and takes the lines they complete.
    mutating func feed(_ bytes: UnsafeRawBufferPointer, into frames: inout [ArraySlice<UInt8>]) -> Int {
        splitter.append(bytes)
        while let line = splitter.nextLine() {
            frames.append(line)
        }
        return 0
    }

    /// The unfinished line.
    var heldBytes: Int { splitter.pendingBytes }

    /// The last line, when the body did not end with a newline.
    mutating func finish(into frames: inout [ArraySlice<UInt8>]) -> Int {
        if let line = splitter.finish() {
            frames.append(line)
        }
        return 0
    }
}
