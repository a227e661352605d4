import Foundation
import Metrics
import ROI
import Results
import Testing

@Suite("roi reads repeated levels")
struct RepeatedRunReaderTests {
    @Test("a repeated level is one measurement, read from its pooled summary.csv row (repeat empty), not from a repeat's row")
    func pooledRow() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var rows = ""
        for number in 1...2 {
            for id in 0..<3 {
                let record = RequestRecord(
                    runID: "r", target: "t", loadLevel: "c2", repetition: number, requestID: id, scheduledS: Double(number * 10 + id),
                    startS: Double(number * 10 + id), ttftMs: 10, e2eMs: 100, durationMs: 100, promptTokens: 20, outputTokens: 8, status: .ok
                )
                rows += RequestsCSV.row(record)
            }
        }
        _ = try write(RequestsCSV.header + rows, "requests.csv", in: folder)
        _ = try write(
            "target,load_level,repeat,requests,ok,input_tok_per_s,output_tok_per_s,status\n"
                + "t,c2,,6,6,100.000,40.000,completed\nt,c2,1,3,3,90.000,36.000,completed\nt,c2,2,3,3,110.000,44.000,aborted\n",
            "summary.csv", in: folder
        )
        let targets = try RunReader.read([folder])
        let levels = try #require(targets.first?.levels)
        #expect(levels.count == 1)
        #expect(levels.first?.requests == 6)
        #expect(levels.first?.outputTokensPerSecond == 40)
        #expect(levels.first?.status == .completed)
    }
}
