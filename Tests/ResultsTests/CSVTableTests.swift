import Metrics
import Results
import Testing

@Suite("CSV table reader")
struct CSVTableTests {
    @Test("quoted cells with commas, doubled quotes, CRLF and newlines read back exactly")
    func quotedCells() throws {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nplain,,\"\"\n"
        let table = try CSVTable.parse(text)
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows == [["x, y", "say \"hi\"", "two\nlines"], ["plain", "", ""]])
    }

    @Test("a last row without its line ending (a file cut mid-write) is dropped; a short row is an error")
    func partialRows() throws {
        #expect(try CSVTable.parse("a,b\n1,2\n3").rows == [["1", "2"]])
        #expect(throws: CSVTable.ParseError.self) { try CSVTable.parse("a,b\n1\n") }
        #expect(throws: CSVTable.ParseError.self) { try CSVTable.parse("a,b\n1\"x,2\n") }
        #expect(throws: CSVTable.ParseError.self) { try CSVTable.parse("") }
    }

    @Test("requests.csv rows written by RequestsCSV read back into equal records")
    func roundTrip() throws {
        let records = [
            RequestRecord(
                runID: "r", target: "t,1", loadLevel: "c2", requestID: 0, scheduledS: 0.5, startS: 0.501,
                ttfbMs: 1.25, ttftMs: 2.5, e2eMs: 10, tpotMs: 0.75, itlP50Ms: 0.7, itlMaxMs: 1.1, durationMs: 11,
                promptTokens: 16, outputTokens: 12, tokenSource: "usage", tokenEvents: 12, status: .ok, httpStatus: 200,
                dnsMs: 0.01, connectMs: 0.2, connectionReused: true, httpVersion: "1.1", serverPromptMs: 1, serverDecodeMs: 7
            ),
            RequestRecord(
                runID: "r", target: "t,1", loadLevel: "c2", requestID: 1, scheduledS: 0.6, startS: 0.6, durationMs: 3,
                status: .http5xx, httpStatus: 500, error: "HTTP 500: \"boom\", again\r\nand again", warmup: true
            ),
        ]
        let text = RequestsCSV.header + records.map(RequestsCSV.row).joined()
        let read = try RequestsCSV.records(from: CSVTable.parse(text), file: "requests.csv")
        #expect(read == records)
    }
}
