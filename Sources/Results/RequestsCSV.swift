import Metrics

/// The layout of `requests.csv`: one row per request, columns documented in `results/README.md`.
public enum RequestsCSV {
    /// Column names, in order.
    public static let columns = [
        "run_id", "target", "load_level", "request_id", "scheduled_s", "start_s", "send_lag_ms",
        "ttfb_ms", "ttft_ms", "e2e_ms", "ttft_sched_ms", "e2e_sched_ms", "tpot_ms", "itl_p50_ms", "itl_max_ms", "duration_ms",
        "prompt_tokens", "output_tokens", "token_source", "token_events",
        "status", "http_status", "error", "warmup",
        "dns_ms", "connect_ms", "tls_ms", "connection_reused", "http_version",
        "server_prompt_ms", "server_decode_ms", "parse_errors",
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
            record.status.rawValue, String(record.httpStatus), CSVField.text(record.error), record.warmup ? "true" : "false",
            CSVField.fixed3(record.dnsMs), CSVField.fixed3(record.connectMs), CSVField.fixed3(record.tlsMs),
            record.connectionReused ? "true" : "false", record.httpVersion,
            CSVField.fixed3(record.serverPromptMs), CSVField.fixed3(record.serverDecodeMs), String(record.parseErrors),
        ]
        return cells.joined(separator: ",") + "\n"
    }
}
