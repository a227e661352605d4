import Foundation

/// Reads a trace file into requests sorted by arrival, times relative to the first request.
///
/// Every problem is one line naming the file and line: a timestamp before the previous line's (a
/// trace must be sorted), a negative timestamp or length, a missing length, a line that is not a
/// JSON object or a CSV row of the expected columns.
public enum TraceReader {
    /// A problem with the trace, as `file:line: message`.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// One line.
        public var description: String

        /// A problem saying `description`.
        public init(description: String) {
            self.description = description
        }
    }

    /// The requests of `text` in `format`; `file` names it in problems.
    /// - Throws: ``Problem`` at the first bad line.
    public static func requests(_ text: String, format: TraceFormat, file: String) throws(Problem) -> [TraceRequest] {
        var requests: [TraceRequest] = []
        var previous: Double?
        var first: Double?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let place = "\(file):\(index + 1)"
            if format == .azure, index == 0 {
                try azureHeader(trimmed, place: place)
                continue
            }
            var request = try parse(trimmed, format: format, place: place)
            guard request.time >= 0 else { throw Problem(description: "\(place): negative timestamp \(request.time)") }
            if let previous, request.time < previous {
                throw Problem(description: "\(place): timestamp \(request.time) is before the previous request's \(previous): a trace must be sorted by time")
            }
            previous = request.time
            let start = first ?? request.time
            first = start
            request.time -= start
            requests.append(request)
        }
        guard !requests.isEmpty else { throw Problem(description: "\(file): no requests in the trace") }
        return requests
    }

    private static func parse(_ line: String, format: TraceFormat, place: String) throws(Problem) -> TraceRequest {
        switch format {
        case .jsonl: try jsonl(object(line, place: place), place: place)
        case .mooncake: try mooncake(object(line, place: place), place: place)
        case .azure: try azure(line, place: place)
        }
    }

    private static func object(_ line: String, place: String) throws(Problem) -> [String: Any] {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
            throw Problem(description: "\(place): expected one JSON object per line")
        }
        return object
    }

    private static func jsonl(_ object: [String: Any], place: String) throws(Problem) -> TraceRequest {
        let time = try number(object["timestamp"], "timestamp", place: place)
        let output = try count(object["output_tokens"], "output_tokens", place: place)
        let session = (object["session_id"] as? String) ?? (object["session_id"] as? NSNumber)?.stringValue
        if let prompt = object["prompt"] as? String, !prompt.isEmpty {
            return TraceRequest(time: time, inputTokens: prompt.split(separator: " ").count, outputTokens: output, prompt: prompt, session: session)
        }
        guard object["input_tokens"] != nil else { throw Problem(description: "\(place): give input_tokens (a count) or prompt (text)") }
        return TraceRequest(time: time, inputTokens: try count(object["input_tokens"], "input_tokens", place: place), outputTokens: output, session: session)
    }

    private static func mooncake(_ object: [String: Any], place: String) throws(Problem) -> TraceRequest {
        let milliseconds = try number(object["timestamp"], "timestamp", place: place)
        let input = try count(object["input_length"], "input_length", place: place)
        let output = try count(object["output_length"], "output_length", place: place)
        var hashes: [Int] = []
        if let list = object["hash_ids"] {
            guard let items = list as? [Any] else { throw Problem(description: "\(place): hash_ids: expected a list of whole numbers") }
            for item in items {
                guard let hash = item as? NSNumber, hash.doubleValue == hash.doubleValue.rounded() else {
                    throw Problem(description: "\(place): hash_ids: expected a list of whole numbers")
                }
                hashes.append(hash.intValue)
            }
            let blocks = (input + TraceFormat.blockTokens - 1) / TraceFormat.blockTokens
            guard hashes.count <= max(1, blocks) else {
                throw Problem(description: "\(place): \(hashes.count) hash_ids for \(input) input tokens (at most \(blocks) blocks of \(TraceFormat.blockTokens))")
            }
        }
        return TraceRequest(time: milliseconds / 1000, inputTokens: input, outputTokens: output, blockHashes: hashes)
    }

    private static let azureColumns = ["TIMESTAMP", "ContextTokens", "GeneratedTokens"]

    private static func azureHeader(_ line: String, place: String) throws(Problem) {
        let header = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard header == azureColumns else {
            throw Problem(description: "\(place): expected the header TIMESTAMP,ContextTokens,GeneratedTokens (the Azure LLM inference trace), got '\(line)'")
        }
    }

    private static func azure(_ line: String, place: String) throws(Problem) -> TraceRequest {
        let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard cells.count == 3 else { throw Problem(description: "\(place): expected 3 cells (TIMESTAMP,ContextTokens,GeneratedTokens), got \(cells.count)") }
        guard let time = azureTime(cells[0]) else {
            throw Problem(description: "\(place): TIMESTAMP: expected 2023-11-16 18:15:46.6805900, got '\(cells[0])'")
        }
        return TraceRequest(time: time, inputTokens: try count(Int(cells[1]).map { NSNumber(value: $0) }, "ContextTokens", place: place),
                            outputTokens: try count(Int(cells[2]).map { NSNumber(value: $0) }, "GeneratedTokens", place: place))
    }

    /// Seconds since 1970 of `2023-11-16 18:15:46.6805900` (UTC, any number of fraction digits).
    static func azureTime(_ text: String) -> Double? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first else { return nil }
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: whole.replacingOccurrences(of: " ", with: "T") + "Z") else { return nil }
        var fraction = 0.0
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isNumber), let digits = Double("0." + parts[1]) else { return nil }
            fraction = digits
        }
        return date.timeIntervalSince1970 + fraction
    }

    private static func number(_ value: Any?, _ field: String, place: String) throws(Problem) -> Double {
        guard let number = value as? NSNumber, number.doubleValue.isFinite else { throw Problem(description: "\(place): \(field): expected a number") }
        return number.doubleValue
    }

    private static func count(_ value: Any?, _ field: String, place: String) throws(Problem) -> Int {
        guard let number = value as? NSNumber, number.doubleValue == number.doubleValue.rounded(), number.doubleValue >= 0 else {
            throw Problem(description: "\(place): \(field): expected a whole number of tokens, 0 or more")
        }
        return number.intValue
    }
}
