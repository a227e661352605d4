import Results

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A new file written by appending whole chunks, each with one `write(2)` (retried on short
/// writes), so a run stopped at any moment leaves only complete lines. Not thread-safe: its
/// owner serialises calls.
final class AppendOnlyFile {
    /// The file.
    let path: String
    private var descriptor: Int32

    /// Creates the file, which must not exist yet.
    /// - Throws: ``ResultsError`` when it cannot be created.
    init(creating path: String) throws(ResultsError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ResultsError("cannot create \(path): \(String(cString: strerror(errno)))") }
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close()
    }

    /// Appends `text`; returns the error text when the write fails (the file is then left as it
    /// was before, or cut at a line the next reader drops).
    func append(_ text: String) -> String? {
        guard descriptor >= 0 else { return "\(path) is closed" }
        var text = text
        return text.withUTF8 { buffer -> String? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return "cannot write \(path): \(String(cString: strerror(errno)))"
                }
                offset += written
            }
            return nil
        }
    }

    /// Flushes to stable storage and closes. Idempotent.
    func close() {
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        _ = closeFile(descriptor)
        descriptor = -1
    }
}

/// `close(2)`, named apart from ``AppendOnlyFile/close()``.
private func closeFile(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(descriptor)
    #else
    Darwin.close(descriptor)
    #endif
}
