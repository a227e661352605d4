import Foundation

/// Whole-file writes that never leave a half-written file: write a temporary sibling, flush it,
/// then rename it over the destination.
public enum AtomicFile {
    /// Replaces `path` with `data` atomically.
    /// - Throws: ``ResultsError`` naming the file.
    public static func write(_ data: Data, to path: String) throws(ResultsError) {
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw ResultsError("cannot write \(temporary)")
        }
        if let handle = FileHandle(forWritingAtPath: temporary) {
            try? handle.synchronize()
            try? handle.close()
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ResultsError("cannot move \(temporary) to \(path): \(reason)")
        }
    }
}
