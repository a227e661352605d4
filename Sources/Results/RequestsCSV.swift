import Metrics
import RepatSupport

/// The layout of `requests.csv`: one row per request, columns documented in `results/README.md`.
public enum RequestsCSV {
    /// Column names, in order.
    public static let columns = [
        "run_id", "target", "load_level", "request_id", "scheduled_s", "start_s", "send_lag_ms",
        "ttfb_ms", "ttft_ms", "e2e_ms", "ttft_sched_ms", "e2e_sched_ms", "tpot_ms", "itl_p50_ms", "itl_max_ms", "duration_ms",
        "prompt_tokens", "output_tokens", "token_source", "token_events",
        "status", "http_status", "error", "warmup", "retries",
        "dns_ms", "connect_ms", "tls_ms", "connection_reused", "http_version",
        "server_prompt_ms", "server_decode_ms", "server_total_ms", "server_load_ms", "parse_errors",
    ]

    /// The header line, with its line ending.
    public static var header: String { columns.joined(separator: ",") + "\n" }

    /// One record as a CSV line, with its line ending.
    public static func row(_ record: RequestRecord) -> String {
        let cells: [String] = [
            CSVField.text(record.runID), CSVField.text(record.target), CSVField.text(record.loadLevel),
            String(record.requestID), CSVField.fixed3(record.scheduledS), CSVField.fixed3(record.startS),
            CSVField.fixed3(record.sendLagMs),
            CSVField.fixed3(record.ttfbMs), CSVField.fixed3(record.ttftMs), CSVField.fixed3(record.e2eMs),
            CSVField.fixed3(record.ttftFromScheduledMs), CSVField.fixed3(record.e2eFromScheduledMs),
            CSVField.fixed3(record.tpotMs), CSVField.fixed3(record.itlP50Ms), CSVField.fixed3(record.itlMaxMs),
            CSVField.fixed3(record.durationMs),
            CSVField.int(record.promptTokens), String(record.outputTokens), record.tokenSource, String(record.tokenEvents),
            record.status.rawValue, String(record.httpStatus), CSVField.text(record.error), record.warmup ? "true" : "false", String(record.retries),
            CSVField.fixed3(record.dnsMs), CSVField.fixed3(record.connectMs), CSVField.fixed3(record.tlsMs),
            record.connectionReused ? "true" : "false", record.httpVersion,
            CSVField.fixed3(record.serverPromptMs), CSVField.fixed3(record.serverDecodeMs),
            CSVField.fixed3(record.serverTotalMs), CSVField.fixed3(record.serverLoadMs), String(record.parseErrors),
        ]
        return cells.joined(separator: ",") + "\n"
    }
}

extension RequestsCSV {
    /// Records from a parsed `requests.csv`, matching columns by name (so files from later repat
    /// versions with extra columns still read). `run_id`, `target`, `load_level`, `request_id` and
    /// `status` are required.
    /// - Throws: ``ResultsError`` naming the file, row and column.
    public static func records(from table: CSVTable, file: String) throws(ResultsError) -> [RequestRecord] {
        var position: [String: Int] = [:]
        for (index, name) in table.header.enumerated() { position[name] = index }
        for required in ["run_id", "target", "load_level", "request_id", "status"] where position[required] == nil {
            throw ResultsError("\(file): not a requests.csv (no \(required) column)")
        }
        var records: [RequestRecord] = []
        records.reserveCapacity(table.rows.count)
        for (offset, row) in table.rows.enumerated() {
            func text(_ name: String) -> String { position[name].map { row[$0] } ?? "" }
            func number(_ name: String) -> Double? { Double(text(name)) }
            func integer(_ name: String) -> Int? { Int(text(name)) }
            guard let status = Outcome(rawValue: text("status")), let requestID = integer("request_id") else {
                throw ResultsError("\(file): row \(offset + 2): unknown status '\(text("status"))' or request_id '\(text("request_id"))'")
            }
            records.append(RequestRecord(
                runID: text("run_id"), target: text("target"), loadLevel: text("load_level"), requestID: requestID,
                scheduledS: number("scheduled_s") ?? 0, startS: number("start_s") ?? 0,
                ttfbMs: number("ttfb_ms"), ttftMs: number("ttft_ms"), e2eMs: number("e2e_ms"), tpotMs: number("tpot_ms"),
                itlP50Ms: number("itl_p50_ms"), itlMaxMs: number("itl_max_ms"), durationMs: number("duration_ms") ?? 0,
                promptTokens: integer("prompt_tokens"), outputTokens: integer("output_tokens") ?? 0,
                tokenSource: text("token_source"), tokenEvents: integer("token_events") ?? 0,
                status: status, httpStatus: integer("http_status") ?? 0, error: text("error"),
                dnsMs: number("dns_ms"), connectMs: number("connect_ms"), tlsMs: number("tls_ms"),
                connectionReused: text("connection_reused") == "true", httpVersion: text("http_version"),
                serverPromptMs: number("server_prompt_ms"), serverDecodeMs: number("server_decode_ms"),
                parseErrors: integer("parse_errors") ?? 0, warmup: text("warmup") == "true"
            ))
            records[records.count - 1].retries = integer("retries") ?? 0
            records[records.count - 1].serverTotalMs = number("server_total_ms")
            records[records.count - 1].serverLoadMs = number("server_load_ms")
        }
        return records
    }
}
