import RepatSupport
import Synchronization

/// A new file that gets one line per request record, shared by `requests.csv` and
/// `responses.jsonl`: every line goes to the kernel in one `write(2)` (``AppendOnlyFile``), so a
/// run killed at any moment (even `kill -9`) leaves only complete lines, up to the last request
/// that finished. After the first write error later lines are dropped; the lines before it stay.
final class RecordLineFile: Sendable {
    private struct State {
        var file: AppendOnlyFile?
        var failure: String?
    }

    private let state: Mutex<State>

    /// Creates the file, which must not exist yet, starting with `header`.
    /// - Throws: ``ResultsError`` when it cannot be created.
    init(path: String, header: String = "") throws(ResultsError) {
        do throws(AppendOnlyFileError) {
            state = Mutex(State(file: try AppendOnlyFile(creating: path, header: header)))
        } catch {
            throw ResultsError(error.description)
        }
    }

    /// Appends one line (with its line ending), unless an earlier write failed or the file is closed.
    func append(_ line: String) {
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
    var failure: String? { state.withLock { $0.failure } }

    /// Flushes to stable storage and closes the file. Later lines are dropped.
    func close() {
        state.withLock { state in
            state.file?.close()
            state.file = nil
        }
    }
}
