import Foundation
import Metrics
import Results
import Testing

/// Runs whose results stop being writable part-way — a file-size limit, a full file system —
/// checked from outside the process: repat stops starting requests, keeps every row it wrote
/// whole, records the failure in `run.json` and `summary.csv`, and exits 1 with one line.
@Suite("disk full", .serialized)
struct DiskFullRunTests {
    /// Far more requests than the files may hold, on a fast simulated engine.
    private static let scenario = """
        name: full
        targets:
          - name: t1
            dialect: openai-chat
            base_url: sim://full
            model: m
            simulator:
              decode_base_ms: 1
              prefill_tokens_per_second: 100000
        load:
          concurrency: 4
          requests: 20000
        workload:
          prompt_tokens: 16
          max_tokens: 8
          ignore_eos: true

        """

    /// Whether this process may mount a tmpfs in a mount namespace of its own (root, or
    /// CAP_SYS_ADMIN, and `unshare` from util-linux).
    static let canMountTmpfs: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["-m", "/bin/sh", "-c", "mount -t tmpfs -o size=64k repat-probe /mnt && umount /mnt"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test("a file-size limit stops the run: exit 1, one line naming requests.csv, whole rows, run.json failed with the reason")
    func fileSizeLimit() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let file = try workspace.scenario("full.yaml", Self.scenario)
        // 64 blocks (32 KiB from a POSIX shell), a limit on each file: run.json and summary.csv
        // stay under it, requests.csv reaches it, the 256 KiB space reserve cannot be made.
        let outcome = try await runRepat(
            ["run", file, "--results-dir", workspace.results, "--quiet"], in: workspace,
            wrapper: ["/bin/sh", "-c", "ulimit -f 64 && exec \"$0\" \"$@\""], timeout: .seconds(60)
        )
        try Self.expectFailedRun(outcome, in: workspace, reason: "File too large")
    }

    @Test(
        "a full file system stops the run: exit 1, one line naming requests.csv, whole rows, run.json failed with the reason",
        .enabled(if: DiskFullRunTests.canMountTmpfs, "skipped: cannot mount a size-limited tmpfs here (needs unshare -m and CAP_SYS_ADMIN)")
    )
    func fullFileSystem() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let file = try workspace.scenario("full.yaml", Self.scenario)
        let mounted = workspace.path + "/mounted"
        try FileManager.default.createDirectory(atPath: mounted, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: workspace.results, withIntermediateDirectories: true)
        // The tmpfs lives in the child's own mount namespace; the files are copied out before it
        // goes. Results land under results/ (a copy), as the checks expect.
        let script = """
            mount -t tmpfs -o size=640k repat-full "\(mounted)" || exit 99
            "$0" "$@"; status=$?
            cp -R "\(mounted)/." "\(workspace.results)/"
            umount "\(mounted)"
            exit $status
            """
        let outcome = try await runRepat(
            ["run", file, "--results-dir", mounted, "--quiet"], in: workspace,
            wrapper: ["/usr/bin/unshare", "-m", "/bin/sh", "-c", script], timeout: .seconds(60)
        )
        try #require(outcome.status != 99, "mounting the tmpfs failed: \(outcome.stderr)")
        try Self.expectFailedRun(outcome, in: workspace, reason: "No space left on device", folder: mounted)
        let folder = workspace.results + "/" + workspace.runFolders()[0]
        #expect(!FileManager.default.fileExists(atPath: folder + "/" + SpaceReserve.fileName), "the reserve was given back")
    }

    /// The checks both failures share; `folder` is the results folder repat was given, which its
    /// error line names.
    private static func expectFailedRun(_ outcome: RepatOutcome, in workspace: Workspace, reason: String, folder: String? = nil) throws {
        #expect(!outcome.signalled, "SIGXFSZ must not kill repat")
        #expect(outcome.status == 1, "stderr: \(outcome.stderr)")
        let folders = workspace.runFolders()
        try #require(folders.count == 1, "run folders: \(folders)")
        let run = workspace.results + "/" + folders[0]
        let named = (folder ?? workspace.results) + "/" + folders[0] + "/requests.csv"
        #expect(outcome.stderrLines == ["repat: error: cannot write \(named): \(reason)"])

        let text = try String(contentsOfFile: run + "/requests.csv", encoding: .utf8)
        let rows = try #require(parseCSV(text), "requests.csv ends with a whole row and parses")
        #expect(rows.first == RequestsCSV.columns)
        let records = try RequestsCSV.records(from: try CSVTable.parse(text), file: "requests.csv")
        #expect(records.count > 10, "the rows written before the failure are kept")
        #expect(records.allSatisfy { $0.status == .ok })

        let metadata = try RunMetadata.read(from: run + "/run.json")
        #expect(metadata.status == .failed)
        #expect(metadata.failure == "cannot write \(named): \(reason)")
        let level = try #require(metadata.levels.first)
        #expect(level.status == .interrupted)
        #expect(level.requests >= records.count)
        #expect(level.requests < 2000, "no new request started after the failure (\(level.requests) measured)")

        let summary = try CSVTable.parse(try String(contentsOfFile: run + "/summary.csv", encoding: .utf8))
        let status = try #require(summary.header.firstIndex(of: "status"))
        #expect(summary.rows.map { $0[status] } == ["interrupted"])
    }
}
