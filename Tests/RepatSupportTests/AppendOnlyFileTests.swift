import Foundation
import RepatSupport
import Testing

/// A fresh, empty temporary folder.
private func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("repat-support-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite("Append-only file")
struct AppendOnlyFileTests {
    @Test("the header and every chunk appended are in the file, in order")
    func appends() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try AppendOnlyFile(creating: folder + "/rows.csv", header: "a,b\n")
        try file.append("1,2\n")
        try file.append("3,4\n")
        #expect(try String(contentsOfFile: file.path, encoding: .utf8) == "a,b\n1,2\n3,4\n")
        file.close()
        #expect(!file.isOpen)
        #expect(try String(contentsOfFile: file.path, encoding: .utf8) == "a,b\n1,2\n3,4\n")
    }

    @Test("an existing file is never overwritten")
    func refusesExistingFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/rows.csv"
        try "keep me\n".write(toFile: path, atomically: false, encoding: .utf8)
        do {
            _ = try AppendOnlyFile(creating: path, header: "a,b\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("cannot create \(path): "))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me\n")
    }

    @Test("appending after close is an error naming the file; what was written stays")
    func appendAfterClose() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try AppendOnlyFile(creating: folder + "/rows.csv")
        try file.append("kept\n")
        file.close()
        file.close()
        do {
            try file.append("dropped\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\(file.path) is closed")
        }
        #expect(try String(contentsOfFile: file.path, encoding: .utf8) == "kept\n")
    }
}
