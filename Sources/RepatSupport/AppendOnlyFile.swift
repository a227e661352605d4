#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A new file written by appending whole chunks (a CSV row, a batch of rows), each with one
/// `write(2)` retried on short writes, so a run stopped at any moment, even by `kill -9`, leaves
/// only complete lines, and every chunk already appended stays in the file whatever fails later.
/// A chunk that fails part-way (disk full, quota, a file-size limit, an I/O error) is cut off
/// again, so the file still ends with the last whole chunk.
///
/// Not thread-safe: its owner serialises calls (the results and telemetry writers hold it behind
/// their lock). Closing flushes to stable storage; the file is also closed when released.
public final class AppendOnlyFile {
    /// The file's path.
    public let path: String
    private var descriptor: Int32
    /// Bytes of whole chunks in the file: where a failed chunk is cut back to.
    private var length: off_t = 0

    /// Creates the file, which must not exist yet (an existing file is never truncated), and
    /// appends `header` (a CSV header line) when it is not empty.
    /// - Throws: ``AppendOnlyFileError`` (`cannot create PATH: REASON`, or `cannot write …` when
    ///   the header cannot be written).
    public init(creating path: String, header: String = "") throws(AppendOnlyFileError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw AppendOnlyFileError("cannot create \(path): \(Self.lastError())") }
        self.path = path
        self.descriptor = descriptor
        if !header.isEmpty { try append(header) }
    }

    deinit {
        close()
    }

    /// Whether ``close()`` has not been called yet.
    public var isOpen: Bool { descriptor >= 0 }

    /// Appends `text` with one `write(2)` (more only when the kernel takes part of it).
    /// - Throws: ``AppendOnlyFileError`` (`cannot write PATH: REASON`, or `PATH is closed`); the
    ///   file then ends where it ended before: the part of this chunk that was written is
    ///   truncated away (should even that fail, the reason says so, and the file ends inside the
    ///   chunk, which readers drop).
    public func append(_ text: String) throws(AppendOnlyFileError) {
        guard descriptor >= 0 else { throw AppendOnlyFileError("\(path) is closed") }
        var text = text
        let problem = text.withUTF8 { buffer -> String? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return Self.lastError()
                }
                offset += written
            }
            return nil
        }
        guard let problem else {
            length += off_t(text.utf8.count)
            return
        }
        guard ftruncate(descriptor, length) == 0 else {
            throw AppendOnlyFileError("cannot write \(path): \(problem) (and cannot cut off the partial line: \(Self.lastError()))")
        }
        throw AppendOnlyFileError("cannot write \(path): \(problem)")
    }

    /// Flushes to stable storage and closes. Idempotent.
    public func close() {
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        closeDescriptor(descriptor)
        descriptor = -1
    }

    /// `strerror(errno)`.
    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}

/// `close(2)`, named apart from ``AppendOnlyFile/close()``.
private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
