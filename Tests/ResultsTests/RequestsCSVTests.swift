import Metrics
import Results
import Testing

/// A record with every optional measurement present and an error text that needs quoting.
func fullRecord(id: Int = 7, error: String = "upstream said: \"overloaded, retry\", code 503") -> RequestRecord {
    RequestRecord(
        runID: "20261123T101500Z-test", target: "vllm", loadLevel: "c8", requestID: id, scheduledS: 1.25, startS: 1.2504,
        ttfbMs: 12.5, ttftMs: 20.1234, e2eMs: 500, tpotMs: 3.9, itlP50Ms: 3.8, itlMaxMs: 40, durationMs: 501.5,
        promptTokens: 512, outputTokens: 128, tokenSource: "usage", tokenEvents: 127, status: .http5xx, httpStatus: 503,
        error: error, dnsMs: 0.1, connectMs: 0.3, tlsMs: 2.75, connectionReused: true, httpVersion: "2",
        serverPromptMs: 10, serverDecodeMs: 480, parseErrors: 1
    )
}

@Suite("requests.csv layout")
struct RequestsCSVTests {
    @Test("the header holds the documented columns, in order, once each")
    func header() {
        // The columns of results/README.md, in its order; later additions may sit between them.
        let documented = [
            "run_id", "target", "load_level", "request_id", "scheduled_s", "start_s", "ttfb_ms", "ttft_ms", "e2e_ms",
            "tpot_ms", "itl_p50_ms", "itl_max_ms", "duration_ms", "prompt_tokens", "output_tokens", "token_source",
            "token_events", "status", "http_status", "error", "dns_ms", "connect_ms", "tls_ms", "connection_reused",
            "http_version", "server_prompt_ms", "server_decode_ms", "server_total_ms", "server_load_ms", "parse_errors",
        ]
        #expect(RequestsCSV.header == RequestsCSV.columns.joined(separator: ",") + "\n")
        #expect(RequestsCSV.columns.filter { documented.contains($0) } == documented)
        #expect(Set(RequestsCSV.columns).count == RequestsCSV.columns.count)
        #expect(RequestsCSV.columns.allSatisfy { $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" } })
    }

    @Test("a full row reads back with one cell per column and the values written")
    func fullRow() throws {
        let rows = try #require(parseCSV(RequestsCSV.header + RequestsCSV.row(fullRecord())))
        try #require(rows.count == 2)
        #expect(rows[1].count == rows[0].count)
        let cells = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(cells["run_id"] == "20261123T101500Z-test")
        #expect(cells["request_id"] == "7")
        #expect(cells["scheduled_s"] == "1.250000", "seconds at microsecond precision (issue 18)")
        #expect(cells["start_s"] == "1.250400", "0.4 ms late, kept")
        #expect(cells["ttft_ms"] == "20.123")
        #expect(cells["e2e_ms"] == "500.000")
        #expect(cells["prompt_tokens"] == "512")
        #expect(cells["token_source"] == "usage")
        #expect(cells["status"] == "http_5xx")
        #expect(cells["http_status"] == "503")
        #expect(cells["error"] == "upstream said: \"overloaded, retry\", code 503")
        #expect(cells["tls_ms"] == "2.750")
        #expect(cells["connection_reused"] == "true")
        #expect(cells["http_version"] == "2")
        #expect(cells["parse_errors"] == "1")
    }

    @Test("absent measurements are empty cells, and a multi-line error stays one record")
    func sparseRow() throws {
        let record = RequestRecord(
            runID: "r", target: "t", loadLevel: "c1", requestID: 0, scheduledS: 0, startS: 0, durationMs: 3,
            status: .connectError, error: "line one\nline two"
        )
        let line = RequestsCSV.row(record)
        #expect(line.hasSuffix("\n"))
        let rows = try #require(parseCSV(line))
        try #require(rows.count == 1)
        #expect(rows[0].count == RequestsCSV.columns.count)
        let cells = Dictionary(uniqueKeysWithValues: zip(RequestsCSV.columns, rows[0]))
        for column in ["ttfb_ms", "ttft_ms", "e2e_ms", "tpot_ms", "itl_p50_ms", "itl_max_ms", "prompt_tokens", "dns_ms", "connect_ms", "tls_ms", "server_prompt_ms", "server_decode_ms"] {
            #expect(cells[column] == "", "\(column)")
        }
        #expect(cells["error"] == "line one\nline two")
        #expect(cells["status"] == "connect_error")
        #expect(cells["http_status"] == "0")
        #expect(cells["connection_reused"] == "false")
    }
}
