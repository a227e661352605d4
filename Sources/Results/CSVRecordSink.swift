import Metrics
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends each record to `requests.csv` the moment it arrives.
///
/// Every row goes to the kernel in one `write(2)`, so a run killed at any moment (even `kill -9`)
/// leaves a file whose rows are all complete, up to the last request that finished.
public final class CSVRecordSink: RecordSink {
    private struct State {
        var descriptor: Int32
        var failure: String?
    }

    private let state: Mutex<State>
    /// The file written.
    public let path: String

    /// Creates the file (which must not exist yet) and writes the header.
    /// - Throws: ``ResultsError`` when the file cannot be created.
    public init(path: String) throws(ResultsError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ResultsError("cannot create \(path): \(String(cString: strerror(errno)))") }
        self.path = path
        state = Mutex(State(descriptor: descriptor))
        if let problem = writeAll(descriptor, RequestsCSV.header) {
            closeDescriptor(descriptor)
            throw ResultsError("cannot write \(path): \(problem)")
        }
    }

    deinit {
        state.withLock { state in
            if state.descriptor >= 0 { closeDescriptor(state.descriptor) }
        }
    }

    /// Appends one row.
    public func write(_ record: RequestRecord) {
        let line = RequestsCSV.row(record)
        state.withLock { state in
            guard state.failure == nil, state.descriptor >= 0 else { return }
            if let problem = writeAll(state.descriptor, line) {
                state.failure = "cannot write \(path): \(problem)"
            }
        }
    }

    /// The first write error, if any.
    public var failure: String? { state.withLock { $0.failure } }

    /// Flushes to stable storage and closes the file. Later writes are dropped.
    public func close() {
        state.withLock { state in
            guard state.descriptor >= 0 else { return }
            fsync(state.descriptor)
            closeDescriptor(state.descriptor)
            state.descriptor = -1
        }
    }
}

/// `close(2)`, named apart from ``CSVRecordSink/close()``.
private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}

/// Writes the whole string, retrying short writes; returns an error text on failure.
private func writeAll(_ descriptor: Int32, _ text: String) -> String? {
    var text = text
    return text.withUTF8 { buffer -> String? in
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }
}
