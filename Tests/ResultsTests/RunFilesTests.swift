import Foundation
import Results
import Testing

@Suite("Run folder and files")
struct RunFilesTests {
    @Test("an atomic write replaces the content and leaves no temporary file")
    func atomicReplace() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/run.json"
        try AtomicFile.write(Data("first, longer content\n".utf8), to: path)
        try AtomicFile.write(Data("second\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["run.json"])
    }

    @Test("an atomic write into a missing folder fails and names the file")
    func atomicFailure() {
        let path = "/nonexistent-\(UUID().uuidString)/run.json"
        do {
            try AtomicFile.write(Data("x".utf8), to: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains(path))
        }
    }

    @Test("run ids are the UTC start time then the scenario name, and sort by time")
    func runIDs() throws {
        let root = try temporaryFolder() + "/results/nested"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let early = try RunDirectory.create(root: root, scenarioName: "zeta", startedAt: Date(timeIntervalSince1970: 1_795_000_000))
        let late = try RunDirectory.create(root: root, scenarioName: "alpha", startedAt: Date(timeIntervalSince1970: 1_795_000_001))
        let epoch = try RunDirectory.create(root: root, scenarioName: "q", startedAt: Date(timeIntervalSince1970: 0))
        #expect(epoch.runID == "19700101T000000Z-q")
        #expect(early.runID == "20261118T110640Z-zeta")
        #expect([late.runID, early.runID, epoch.runID].sorted() == [epoch.runID, early.runID, late.runID])
        #expect(early.path == root + "/" + early.runID)
        #expect(early.requestsCSV == early.path + "/requests.csv")
        #expect(early.runJSON == early.path + "/run.json")
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: early.path, isDirectory: &isFolder) && isFolder.boolValue)
    }

    @Test("a run id taken in the same second gets -2, then -3")
    func collisions() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let date = Date(timeIntervalSince1970: 1_795_000_000)
        let ids = try (0..<3).map { _ in try RunDirectory.create(root: root, scenarioName: "s", startedAt: date).runID }
        #expect(ids == ["20261118T110640Z-s", "20261118T110640Z-s-2", "20261118T110640Z-s-3"])
    }

    @Test("runs started in the same second from many threads at once each get a folder of their own")
    func concurrentCollisions() async throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let date = Date(timeIntervalSince1970: 1_795_000_000)
        let ids = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<16 {
                group.addTask { try? RunDirectory.create(root: root, scenarioName: "s", startedAt: date).runID }
            }
            return await group.reduce(into: [String?]()) { $0.append($1) }
        }
        #expect(ids.allSatisfy { $0 != nil })
        #expect(Set(ids.compactMap { $0 }).count == 16)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).count == 16)
    }

    @Test("timestamps are UTC with milliseconds")
    func timestamps() {
        let date = Date(timeIntervalSince1970: 1_795_000_000.25)
        #expect(Timestamp.iso8601(date) == "2026-11-18T11:06:40.250Z")
        #expect(Timestamp.compactUTC(date) == "20261118T110640Z")
    }

    @Test("run metadata survives a write and read, with snake_case keys and no credentials")
    func metadataRoundTrip() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/run.json"
        var metadata = RunMetadata(
            runID: "20261118T110640Z-s", status: .running, scenarioFile: "scenarios/s.yaml", scenarioName: "s", seed: 42,
            startedAt: Date(timeIntervalSince1970: 1_795_000_000), host: HostInfo(os: "Linux", kernel: "6.1", cpuModel: "cpu", cpuCores: 2, memoryBytes: 1 << 30),
            transport: "libcurl/8.5.0",
            targets: [
                RunMetadata.Target(name: "remote", dialect: "openai-chat", baseURL: "https://user:hunter2@api.example.com/v1", model: "m", stream: true, simulator: nil),
                RunMetadata.Target(
                    name: "sim", dialect: "openai-chat", baseURL: "http://127.0.0.1:4000/v1", model: "m", stream: false, simulator: ["max_num_seqs": "4"],
                    standsFor: "openai/gpt-4o-mini"
                ),
            ],
            loadLevels: ["c1", "c8"], workload: ["prompt_tokens": "16", "max_tokens": "8"]
        )
        metadata.status = .interrupted
        metadata.endedAt = "2026-11-18T08:47:00.000Z"
        try metadata.write(to: path)

        let text = try String(contentsOfFile: path, encoding: .utf8)
        for key in ["repat_version", "run_id", "status", "scenario_file", "scenario_name", "seed", "started_at", "ended_at", "host", "cpu_model", "cpu_cores", "memory_bytes", "transport", "targets", "base_url", "stands_for", "load_levels", "workload"] {
            #expect(text.contains("\"\(key)\" :"), "\(key)")
        }
        #expect(!text.contains("hunter2"))
        #expect(!text.contains("runID") && !text.contains("baseURL"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["run.json"])

        let read = try RunMetadata.read(from: path)
        #expect(read.runID == metadata.runID)
        #expect(read.status == .interrupted)
        #expect(read.repatVersion == RepatVersion.current)
        #expect(read.scenarioFile == "scenarios/s.yaml")
        #expect(read.seed == 42)
        #expect(read.startedAt == "2026-11-18T11:06:40.000Z")
        #expect(read.endedAt == "2026-11-18T08:47:00.000Z")
        #expect(read.host.cpuCores == 2)
        #expect(read.targets.map(\.baseURL) == ["https://api.example.com/v1", "http://127.0.0.1:4000/v1"])
        #expect(read.targets.map(\.simulator) == [nil, ["max_num_seqs": "4"]])
        #expect(read.targets.map(\.stream) == [true, false])
        #expect(read.targets.map(\.standsFor) == [nil, "openai/gpt-4o-mini"])
        #expect(read.loadLevels == ["c1", "c8"])
        #expect(read.workload == metadata.workload)
    }

    @Test("reading a file that is not run metadata is an error naming it")
    func metadataReadFailure() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/run.json"
        try "{\"run_id\": 3}".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: ResultsError.self) { try RunMetadata.read(from: path) }
        #expect(throws: ResultsError.self) { try RunMetadata.read(from: folder + "/missing.json") }
    }
}
