#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The optional ground-truth log: one CSV line `request,token,write_ns` per token written, where
/// `request` is the server's arrival number (from 0), `token` the token's index in its response
/// and `write_ns` the time stamped into its text (see ``GroundTruth``).
///
/// Lines are appended with one `write(2)` each on a file opened with `O_APPEND`, so lines from
/// different event loops never interleave; the header is written when the file is empty. Each
/// line costs a system call between the stamp and the socket write, a few microseconds.
final class GroundTruthLog: Sendable {
    private let descriptor: Int32

    /// Opens (creating it when missing) the log at `path`; nil when it cannot be opened for writing.
    init?(path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        if lseek(descriptor, 0, SEEK_END) == 0 { append("request,token,write_ns\n") }
    }

    deinit {
        close(descriptor)
    }

    /// Appends the line of token `token` of request `request`, written at `nanoseconds`.
    func record(request: UInt64, token: Int, writtenAt nanoseconds: UInt64) {
        append("\(request),\(token),\(nanoseconds)\n")
    }

    private func append(_ line: String) {
        var line = line
        line.withUTF8 { bytes in
            _ = write(descriptor, bytes.baseAddress, bytes.count)
        }
    }
}
