import Metrics
import RepatSupport

/// Appends each request's answer to `responses.jsonl` the moment it is measured, one JSON object a
/// line: `target`, `load_level`, `request_id`, `warmup`, `status`, `quality`, `quality_score` and
/// `text` (the generated answer, reasoning left out; empty when none was read). No headers, no
/// request, no key: only what the model wrote and how it was judged.
///
/// Written like `requests.csv` (``AppendOnlyFile``: one `write(2)` a line), so an interrupted run
/// keeps every line up to the last request that finished. After the first write error later lines
/// are dropped.
public final class ResponseLog: RecordSink {
    private let file: RecordLineFile

    /// Creates the file, which must not exist yet.
    /// - Throws: ``ResultsError`` when it cannot be created.
    public init(path: String) throws(ResultsError) {
        file = try RecordLineFile(path: path)
    }

    /// One record as its line, with the line ending.
    public static func line(_ record: RequestRecord) -> String {
        var line = "{\"target\":"
        JSONString.append(record.target, to: &line)
        line += ",\"load_level\":"
        JSONString.append(record.loadLevel, to: &line)
        line += ",\"request_id\":\(record.requestID),\"warmup\":\(record.warmup),\"status\":\"\(record.status.rawValue)\""
        line += ",\"quality\":" + (record.quality.map { "\"\($0.rawValue)\"" } ?? "null")
        line += ",\"quality_score\":" + (record.qualityScore.map { String($0) } ?? "null")
        line += ",\"text\":"
        JSONString.append(record.answer ?? "", to: &line)
        return line + "}\n"
    }

    /// Appends one line.
    public func write(_ record: RequestRecord) {
        file.append(Self.line(record))
    }

    /// The first write error, if any.
    public var failure: String? { file.failure }

    /// Flushes to stable storage and closes the file. Later writes are dropped.
    public func close() {
        file.close()
    }
}
