import Foundation
import Results

/// Reads repat's generic usage CSV: a header naming the columns (any order), then one row per
/// model and time slice.
///
/// | column | required | meaning |
/// |---|---|---|
/// | `time` | yes | start of the slice: `2026-11-02T14:00:00Z` (ISO 8601, any offset), `2026-11-02 14:00:00` (UTC) or Unix seconds |
/// | `model` | no | the model billed |
/// | `input_tokens` | yes | input tokens, cached ones included |
/// | `output_tokens` | yes | output tokens |
/// | `cached_tokens` | no | input tokens served from the prompt cache (0 when absent) |
/// | `requests` | yes | requests |
/// | `seconds` | no | length of the slice; default: the smallest gap between two times of the file, 1 hour for a single time |
public enum UsageCSV {
    /// Columns a file must have.
    public static let requiredColumns = ["time", "input_tokens", "output_tokens", "requests"]
    /// Every column read.
    public static let knownColumns = ["time", "model", "input_tokens", "output_tokens", "cached_tokens", "requests", "seconds"]

    /// The buckets of `text`.
    /// - Throws: ``ROIError`` naming `file`, the line and the column.
    public static func buckets(from text: String, file: String) throws(ROIError) -> [UsageBucket] {
        let table: CSVTable
        do {
            table = try CSVTable.parse(text.hasSuffix("\n") ? text : text + "\n")
        } catch {
            throw ROIError("\(file): \(error.description)")
        }
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for column in requiredColumns where !header.contains(column) {
            throw ROIError("\(file):1: missing column '\(column)' (columns: \(knownColumns.joined(separator: ",")); docs/usage.md)")
        }
        if let unknown = header.first(where: { !knownColumns.contains($0) }) {
            throw ROIError("\(file):1: unknown column '\(unknown)' (known: \(knownColumns.joined(separator: ", ")))")
        }
        guard !table.rows.isEmpty else { throw ROIError("\(file): no rows after the header") }
        let index = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [(line: Int, start: Int, seconds: Int?, bucket: UsageBucket)] = []
        for (number, row) in table.rows.enumerated() {
            let line = number + 2
            func cell(_ column: String) -> String? {
                index[column].map { row[$0].trimmingCharacters(in: .whitespaces) }
            }
            func count(_ column: String) throws(ROIError) -> Double {
                guard let text = cell(column), !text.isEmpty else { return 0 }
                guard let value = Double(text), value.isFinite, value >= 0 else {
                    throw ROIError("\(file):\(line): \(column): expected a count of 0 or more, got '\(text)'")
                }
                return value
            }
            let timeText = cell("time") ?? ""
            guard let start = UsageTime.seconds(timeText) else {
                throw ROIError("\(file):\(line): time: expected 2026-11-02T14:00:00Z, '2026-11-02 14:00:00' (UTC) or Unix seconds, got '\(timeText)'")
            }
            var seconds: Int?
            if let text = cell("seconds"), !text.isEmpty {
                guard let value = Int(text), value > 0 else { throw ROIError("\(file):\(line): seconds: expected a whole number above 0, got '\(text)'") }
                seconds = value
            }
            let bucket = UsageBucket(
                start: start, seconds: 0, model: cell("model") ?? "", inputTokens: try count("input_tokens"),
                cachedTokens: try count("cached_tokens"), outputTokens: try count("output_tokens"), requests: try count("requests")
            )
            guard bucket.cachedTokens <= bucket.inputTokens else {
                throw ROIError("\(file):\(line): cached_tokens \(Int(bucket.cachedTokens)) exceeds input_tokens \(Int(bucket.inputTokens)) (cached tokens are counted inside input_tokens)")
            }
            rows.append((line, start, seconds, bucket))
        }
        let starts = Set(rows.map(\.start)).sorted()
        let smallestGap = zip(starts, starts.dropFirst()).map { $1 - $0 }.min() ?? 3600
        return rows.map { row in
            var bucket = row.bucket
            bucket.seconds = row.seconds ?? smallestGap
            return bucket
        }
    }
}

/// Times of the usage files: ISO 8601 with an offset, `YYYY-MM-DD HH:MM:SS` as UTC, or Unix seconds.
public enum UsageTime {
    /// Seconds since 1970-01-01 UTC; nil when `text` is none of the accepted forms.
    public static func seconds(_ text: String) -> Int? {
        if let unix = Int(text) { return unix }
        let iso = ISO8601DateFormatter()
        if let date = iso.date(from: text) { return Int(date.timeIntervalSince1970) }
        if let date = iso.date(from: text.replacingOccurrences(of: " ", with: "T") + "Z") { return Int(date.timeIntervalSince1970) }
        return nil
    }

    /// `2026-11-02T14:00:00Z` for `seconds` since 1970 (UTC).
    public static func text(_ seconds: Int) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
