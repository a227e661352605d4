import Foundation

/// Whole-file writes that never leave a half-written file: write a temporary sibling, flush it,
/// then rename it over the destination. When any step fails (disk full, quota, a file-size limit,
/// an I/O error) the temporary file is removed and the destination keeps its previous contents.
public enum AtomicFile {
    /// Replaces `path` with `data` atomically.
    /// - Throws: ``ResultsError``: one line naming the file and the system's reason.
    public static func write(_ data: Data, to path: String) throws(ResultsError) {
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ResultsError("cannot write \(path): \(lastError())") }
        var problem = data.withUnsafeBytes { bytes -> String? in
            var offset = 0
            while offset < bytes.count, let base = bytes.baseAddress {
                let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return lastError()
                }
                offset += written
            }
            return nil
        }
        if problem == nil && fsync(descriptor) != 0 { problem = lastError() }
        if close(descriptor) != 0 && problem == nil { problem = lastError() }
        if problem == nil && rename(temporary, path) != 0 { problem = lastError() }
        if let problem {
            unlink(temporary)
            throw ResultsError("cannot write \(path): \(problem)")
        }
    }

    /// `strerror(errno)`.
    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
