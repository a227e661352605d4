import Metrics
import RepatSupport
import Synchronization

/// Appends each record to `requests.csv` the moment it arrives.
///
/// Every row goes to the kernel in one `write(2)` (``AppendOnlyFile``), so a run killed at any
/// moment (even `kill -9`) leaves a file whose rows are all complete, up to the last request that
/// finished. After the first write error later rows are dropped; the rows before it stay.
public final class CSVRecordSink: RecordSink {
    private struct State {
        var file: AppendOnlyFile?
        var failure: String?
    }

    private let state: Mutex<State>
    /// The file written.
    public let path: String

    /// Creates the file (which must not exist yet) and writes the header.
    /// - Throws: ``ResultsError`` when the file cannot be created.
    public init(path: String) throws(ResultsError) {
        let file: AppendOnlyFile
        do throws(AppendOnlyFileError) {
            file = try AppendOnlyFile(creating: path, header: RequestsCSV.header)
        } catch {
            throw ResultsError(error.description)
        }
        self.path = path
        state = Mutex(State(file: file))
    }

    /// Appends one row.
    public func write(_ record: RequestRecord) {
        let line = RequestsCSV.row(record)
        state.withLock { state in
            guard state.failure == nil, let file = state.file else { return }
            do throws(AppendOnlyFileError) {
                try file.append(line)
            } catch {
                state.failure = error.description
            }
        }
    }

    /// The first write error, if any.
    public var failure: String? { state.withLock { $0.failure } }

    /// Flushes to stable storage and closes the file. Later writes are dropped.
    public func close() {
        state.withLock { state in
            state.file?.close()
            state.file = nil
        }
    }
}
