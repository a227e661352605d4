import Foundation
import Metrics
import Results
import Testing

/// A fresh, empty temporary folder.
func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("repat-results-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite("CSV record sink")
struct CSVRecordSinkTests {
    @Test("concurrent writers produce one complete line per record and nothing else")
    func concurrentWrites() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/requests.csv"
        let sink = try CSVRecordSink(path: path)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for index in 0..<500 {
                        sink.write(fullRecord(id: task * 500 + index))
                    }
                }
            }
        }
        #expect(sink.failure == nil)
        sink.close()

        let text = try String(contentsOfFile: path, encoding: .utf8)
        let rows = try #require(parseCSV(text))
        #expect(rows.count == 4_001)
        #expect(rows.first == RequestsCSV.columns)
        let expected = try #require(parseCSV(RequestsCSV.row(fullRecord(id: 0))).flatMap(\.first))
        let idColumn = try #require(RequestsCSV.columns.firstIndex(of: "request_id"))
        var ids = Set<String>()
        for row in rows.dropFirst() {
            var normalised = row
            normalised[idColumn] = "0"
            #expect(normalised == expected)
            ids.insert(row[idColumn])
        }
        #expect(ids.count == 4_000)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 4_002, "4,001 lines and the final line ending")
    }

    @Test("an existing file is never overwritten")
    func refusesExistingFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/requests.csv"
        try "keep me\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: ResultsError.self) { try CSVRecordSink(path: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me\n")
    }

    @Test("a file that cannot be created is an error naming it")
    func unwritableFolder() throws {
        let path = "/nonexistent-\(UUID().uuidString)/requests.csv"
        do {
            _ = try CSVRecordSink(path: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("cannot create \(path): "))
        }
    }

    @Test("writes after close are dropped without a failure")
    func writeAfterClose() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sink = try CSVRecordSink(path: folder + "/requests.csv")
        sink.write(fullRecord())
        sink.close()
        sink.write(fullRecord())
        #expect(sink.failure == nil)
        let text = try String(contentsOfFile: sink.path, encoding: .utf8)
        #expect(text == RequestsCSV.header + RequestsCSV.row(fullRecord()))
    }
}
