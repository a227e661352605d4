import Metrics
import RepatSupport

/// The layout of `requests.csv`: one row per request, columns documented in `results/README.md`.
///
/// To add a column: a field in ``RequestRecord``, one entry in ``table`` (where in the file it
/// goes, how it is written and read), a line in `results/README.md`.
public enum RequestsCSV {
    /// The columns, in file order: the header, the row writer and the reader all follow it.
    public static let table: [RequestColumn] = [
        .text("run_id", \.runID, { $0.runID }, required: true),
        .text("target", \.target, { $0.target }, required: true),
        .text("load_level", \.loadLevel, { $0.loadLevel }, required: true),
        RequestColumn("repeat", write: { String($0.repetition) }, read: { cell, record in
            // Files written before repeats existed have no such column: their one run is repeat 1.
            guard !cell.isEmpty else { return true }
            guard let number = Int(cell), number >= 1 else { return false }
            record.repetition = number
            return true
        }),
        .integer("request_id", \.requestID, { $0.requestID }, required: true),
        .seconds("scheduled_s", \.scheduledS, { $0.scheduledS }),
        .seconds("start_s", \.startS, { $0.startS }),
        .derived("send_lag_ms") { $0.sendLagMs },
        .decimal("ttfb_ms", \.ttfbMs, { $0.ttfbMs }),
        .decimal("ttft_ms", \.ttftMs, { $0.ttftMs }),
        .decimal("ttfat_ms", \.ttfatMs, { $0.ttfatMs }),
        .decimal("e2e_ms", \.e2eMs, { $0.e2eMs }),
        .derived("ttft_sched_ms") { $0.ttftFromScheduledMs },
        .derived("e2e_sched_ms") { $0.e2eFromScheduledMs },
        .decimal("tpot_ms", \.tpotMs, { $0.tpotMs }),
        .decimal("itl_p50_ms", \.itlP50Ms, { $0.itlP50Ms }),
        .decimal("itl_max_ms", \.itlMaxMs, { $0.itlMaxMs }),
        .decimal("duration_ms", \.durationMs, { $0.durationMs }),
        .integer("prompt_tokens", \.promptTokens, { $0.promptTokens }),
        .integer("output_tokens", \.outputTokens, { $0.outputTokens }),
        .integer("reasoning_tokens", \.reasoningTokens, { $0.reasoningTokens }),
        .integer("answer_tokens", \.answerTokens, { $0.answerTokens }),
        .text("token_source", \.tokenSource, { $0.tokenSource }),
        .integer("token_events", \.tokenEvents, { $0.tokenEvents }),
        RequestColumn("status", required: true, write: { $0.status.rawValue }, read: { cell, record in
            guard let status = Outcome(rawValue: cell) else { return false }
            record.status = status
            return true
        }),
        .integer("http_status", \.httpStatus, { $0.httpStatus }),
        .text("error", \.error, { $0.error }),
        .flag("warmup", \.warmup, { $0.warmup }),
        .integer("retries", \.retries, { $0.retries }),
        .decimal("dns_ms", \.dnsMs, { $0.dnsMs }),
        .decimal("connect_ms", \.connectMs, { $0.connectMs }),
        .decimal("tls_ms", \.tlsMs, { $0.tlsMs }),
        .flag("connection_reused", \.connectionReused, { $0.connectionReused }),
        .text("http_version", \.httpVersion, { $0.httpVersion }),
        .decimal("server_prompt_ms", \.serverPromptMs, { $0.serverPromptMs }),
        .decimal("server_decode_ms", \.serverDecodeMs, { $0.serverDecodeMs }),
        .decimal("server_total_ms", \.serverTotalMs, { $0.serverTotalMs }),
        .decimal("server_load_ms", \.serverLoadMs, { $0.serverLoadMs }),
        .integer("parse_errors", \.parseErrors, { $0.parseErrors }),
        RequestColumn("quality", write: { $0.quality?.rawValue ?? "" }, read: { cell, record in
            record.quality = QualityVerdict(rawValue: cell)
            return true
        }),
        .decimal("quality_score", \.qualityScore, { $0.qualityScore }),
        .integer("tool_calls", \.toolCalls, { $0.toolCalls }),
        .optionalFlag("tool_args_valid", \.toolArgsValid, { $0.toolArgsValid }),
        .optionalFlag("schema_valid", \.schemaValid, { $0.schemaValid }),
        RequestColumn("request_kind", write: { $0.requestKind.rawValue }, read: { cell, record in
            // Files written before the column existed hold generations only.
            guard !cell.isEmpty else { return true }
            guard let kind = RequestKind(rawValue: cell) else { return false }
            record.requestKind = kind
            return true
        }),
        .integer("inputs", \.inputs, { $0.inputs }),
        .integer("step", \.step, { $0.step }),
        .decimal("task_ms", \.taskMs, { $0.taskMs }),
    ]

    /// Column names, in order.
    public static let columns = table.map(\.name)

    /// The header line, with its line ending.
    public static let header = columns.joined(separator: ",") + "\n"

    /// One record as a CSV line, with its line ending.
    public static func row(_ record: RequestRecord) -> String {
        var line = ""
        line.reserveCapacity(256)
        for (index, column) in table.enumerated() {
            if index > 0 { line.append(",") }
            line.append(column.write(record))
        }
        line.append("\n")
        return line
    }
}

extension RequestsCSV {
    /// Records from a parsed `requests.csv`, matching columns by name (so files from later repat
    /// versions with extra columns still read; a column the file lacks leaves its field at the
    /// default: empty, absent, 0 or false; repeat 1). The ``RequestColumn/required`` columns (`run_id`,
    /// `target`, `load_level`, `request_id`, `status`) must be present and readable.
    /// - Throws: ``ResultsError`` naming the file, row and column.
    public static func records(from table: CSVTable, file: String) throws(ResultsError) -> [RequestRecord] {
        var position: [String: Int] = [:]
        for (index, name) in table.header.enumerated() { position[name] = index }
        for column in Self.table where column.required && position[column.name] == nil {
            throw ResultsError("\(file): not a requests.csv (no \(column.name) column)")
        }
        // The columns this file has and repat reads, with the cell each comes from.
        let readers = Self.table.compactMap { column in
            column.read.flatMap { read in position[column.name].map { (cell: $0, read: read) } }
        }
        var records: [RequestRecord] = []
        records.reserveCapacity(table.rows.count)
        for (offset, row) in table.rows.enumerated() {
            var record = RequestRecord(
                runID: "", target: "", loadLevel: "", requestID: 0, scheduledS: 0, startS: 0, durationMs: 0, status: .ok
            )
            var valid = true
            for reader in readers where !reader.read(row[reader.cell], &record) { valid = false }
            guard valid else {
                func text(_ name: String) -> String { position[name].map { row[$0] } ?? "" }
                let cells = "status '\(text("status"))'" + (position["repeat"] == nil ? " or " : ", ")
                    + "request_id '\(text("request_id"))'" + (position["repeat"] == nil ? "" : " or repeat '\(text("repeat"))'")
                throw ResultsError("\(file): row \(offset + 2): unknown \(cells)")
            }
            records.append(record)
        }
        return records
    }
}
