import Foundation

/// The folder of one run, `results/<run-id>/`, and the names of its files.
public struct RunDirectory: Sendable {
    /// The run id: UTC start time then scenario name, so ids sort by time
    /// (`20261123T101500Z-quickstart`).
    public let runID: String
    /// The folder's path.
    public let path: String

    /// Creates a new, empty run folder under `root` (created if missing). When the id is taken
    /// (two runs in one second), a suffix `-2`, `-3`, … is added.
    /// - Throws: ``ResultsError`` when the folder cannot be created.
    public static func create(root: String, scenarioName: String, startedAt date: Date) throws(ResultsError) -> RunDirectory {
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw ResultsError("cannot create results folder \(root): \(error.localizedDescription)")
        }
        let base = "\(Timestamp.compactUTC(date))-\(scenarioName)"
        for attempt in 1...1000 {
            let id = attempt == 1 ? base : "\(base)-\(attempt)"
            let path = (root as NSString).appendingPathComponent(id)
            if mkdir(path, 0o755) == 0 { return RunDirectory(runID: id, path: path) }
            guard errno == EEXIST else {
                throw ResultsError("cannot create run folder \(path): \(String(cString: strerror(errno)))")
            }
        }
        throw ResultsError("cannot create a run folder under \(root): too many runs named \(base)")
    }

    /// `requests.csv`: one row per request.
    public var requestsCSV: String { file("requests.csv") }
    /// `summary.csv`: one row per target and load level.
    public var summaryCSV: String { file("summary.csv") }
    /// `run.json`: what ran, where, when.
    public var runJSON: String { file("run.json") }
    /// `responses.jsonl`: every answer's text, when the scenario saves responses.
    public var responsesJSONL: String { file("responses.jsonl") }

    private func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }
}

/// Time formats used in run ids and metadata.
public enum Timestamp {
    /// `20261123T101500Z`.
    public static func compactUTC(_ date: Date) -> String {
        format(date, "yyyyMMdd'T'HHmmss'Z'")
    }

    /// ISO 8601 with milliseconds, UTC: `2026-11-23T10:15:00.123Z`.
    public static func iso8601(_ date: Date) -> String {
        format(date, "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
    }

    private static func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
