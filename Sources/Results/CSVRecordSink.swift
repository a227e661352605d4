import Metrics

/// Appends each record to `requests.csv` the moment it arrives.
///
/// Every row goes to the kernel in one `write(2)` (``AppendOnlyFile``), so a run killed at any
/// moment (even `kill -9`) leaves a file whose rows are all complete, up to the last request that
/// finished. After the first write error later rows are dropped; the rows before it stay.
public final class CSVRecordSink: RecordSink {
    private let file: RecordLineFile
    /// The file written.
    public let path: String

    /// Creates the file (which must not exist yet) and writes the header.
    /// - Throws: ``ResultsError`` when the file cannot be created.
    public init(path: String) throws(ResultsError) {
        file = try RecordLineFile(path: path, header: RequestsCSV.header)
        self.path = path
    }

    /// Appends one row.
    public func write(_ record: RequestRecord) {
        file.append(RequestsCSV.row(record))
    }

    /// The first write error, if any.
    public var failure: String? { file.failure }

    /// Flushes to stable storage and closes the file. Later writes are dropped.
    public func close() {
        file.close()
    }
}
