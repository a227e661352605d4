import Foundation
import Metrics
import Results
import Testing

/// A record whose every field differs from its default, each value a multiple of 0.001 so that
/// it survives the three-decimal cells exactly.
private func everyField() -> RequestRecord {
    var record = RequestRecord(
        runID: "20261207T142000Z-cols", target: "vllm, \"a\"", loadLevel: "r2.5", repetition: 3, requestID: 41, scheduledS: 1.25, startS: 1.375,
        ttfbMs: 12.5, ttftMs: 20.125, e2eMs: 500.5, tpotMs: 3.9, itlP50Ms: 3.8, itlMaxMs: 40, durationMs: 501.75,
        promptTokens: 512, outputTokens: 128, tokenSource: "usage", tokenEvents: 127, status: .http5xx, httpStatus: 503,
        error: "upstream said: \"overloaded, retry\"\r\ncode 503", dnsMs: 0.1, connectMs: 0.3, tlsMs: 2.75, connectionReused: true,
        httpVersion: "2", serverPromptMs: 10, serverDecodeMs: 480, serverTotalMs: 495.25, serverLoadMs: 1.5, parseErrors: 2,
        warmup: true, retries: 3, quality: .fail, qualityScore: 0.25
    )
    record.ttfatMs = 80.5
    record.reasoningTokens = 40
    record.answerTokens = 88
    record.toolCalls = 2
    record.toolArgsValid = false
    record.schemaValid = true
    record.requestKind = .rerank
    record.inputs = 16
    record.step = 2
    record.taskMs = 1500.25
    return record
}

/// A record with every optional measurement absent.
private func noMeasurements() -> RequestRecord {
    RequestRecord(runID: "r", target: "t", loadLevel: "c1", requestID: 0, scheduledS: 0, startS: 0, durationMs: 3, status: .connectError)
}

private func read(_ text: String) throws -> [RequestRecord] {
    try RequestsCSV.records(from: CSVTable.parse(text), file: "requests.csv")
}

/// The reader's error for `text`, or nil when it reads.
private func readError(_ text: String) throws -> String? {
    let table = try CSVTable.parse(text)
    do {
        _ = try RequestsCSV.records(from: table, file: "requests.csv")
        return nil
    } catch {
        return error.description
    }
}

@Suite("requests.csv column table")
struct RequestColumnTableTests {
    @Test("rows are written byte for byte as repat has always written them, times in seconds to the microsecond")
    func rowBytes() {
        // scheduled_s and start_s have six decimals since issue 18 (send lag rebuilt from the file was whole milliseconds).
        let expected = "20261207T142000Z-cols,\"vllm, \"\"a\"\"\",r2.5,3,41,1.250000,1.375000,125.000,12.500,20.125,80.500,500.500,145.125,625.500,"
            + "3.900,3.800,40.000,501.750,512,128,40,88,usage,127,http_5xx,503,\"upstream said: \"\"overloaded, retry\"\"\r\ncode 503\","
            + "true,3,0.100,0.300,2.750,true,2,10.000,480.000,495.250,1.500,2,fail,0.250,2,false,true,rerank,16,2,1500.250\n"
        #expect(RequestsCSV.row(everyField()) == expected)
        #expect(RequestsCSV.row(noMeasurements()) == "r,t,c1,1,0,0.000000,0.000000,0.000,,,,,,,,,,3.000,,0,,,,0,connect_error,0,,false,0,,,,false,,,,,,0,,,,,,generation,,0,\n")
    }

    @Test("a record with every field set, and one with every measurement absent, read back equal")
    func roundTrip() throws {
        let records = [everyField(), noMeasurements()]
        #expect(try read(RequestsCSV.header + records.map(RequestsCSV.row).joined()) == records)
    }

    @Test("the header is the table's names, in order, once each; the required columns are the five identifying ones")
    func header() {
        let names = RequestsCSV.table.map(\.name)
        #expect(RequestsCSV.columns == names)
        #expect(RequestsCSV.header == names.joined(separator: ",") + "\n")
        #expect(Set(names).count == names.count)
        #expect(RequestsCSV.table.filter(\.required).map(\.name) == ["run_id", "target", "load_level", "request_id", "status"])
    }

    @Test("columns are matched by name: unknown columns are ignored, missing optional ones read as their defaults")
    func extraAndMissingColumns() throws {
        let text = "status,from_a_later_version,request_id,load_level,target,run_id,ttft_ms,warmup\nok,\"x,y\",3,c1,t,r,12.5,true\n"
        let expected = RequestRecord(
            runID: "r", target: "t", loadLevel: "c1", requestID: 3, scheduledS: 0, startS: 0, ttftMs: 12.5, durationMs: 0,
            status: .ok, warmup: true
        )
        #expect(try read(text) == [expected])
    }

    @Test("a file without a required column, or a row whose status or request_id does not read, is an error naming it")
    func requiredColumns() throws {
        let full = try #require(parseCSV(RequestsCSV.header + RequestsCSV.row(everyField())))
        for required in ["run_id", "target", "load_level", "request_id", "status"] {
            let kept = full[0].indices.filter { full[0][$0] != required }
            let text = [kept.map { full[0][$0] }, kept.map { _ in "1" }].map { $0.joined(separator: ",") + "\n" }.joined()
            #expect(try readError(text) == "requests.csv: not a requests.csv (no \(required) column)")
        }
        let header = "run_id,target,load_level,request_id,status\n"
        #expect(try readError(header + "r,t,c1,7,bogus\n") == "requests.csv: row 2: unknown status 'bogus' or request_id '7'")
        #expect(try readError(header + "r,t,c1,0,ok\nr,t,c1,x,ok\n") == "requests.csv: row 3: unknown status 'ok' or request_id 'x'")
        #expect(try readError(header.dropLast() + ",repeat\nr,t,c1,0,ok,0\n") == "requests.csv: row 2: unknown status 'ok', request_id '0' or repeat '0'")
    }

    @Test("every column is documented in results/README.md's requests.csv section, in file order, and nothing else is")
    func documented() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("results/README.md")
        let lines = try String(contentsOf: readme, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex(of: "## `requests.csv`"))
        let section = lines[(start + 1)...].prefix { !$0.hasPrefix("#") }
        // The first cell of each table row names one or more columns, each in backticks.
        let documented = section.filter { $0.hasPrefix("| `") }.flatMap { line in
            line.split(separator: "|")[0].split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        #expect(documented == RequestsCSV.columns)
    }
}
