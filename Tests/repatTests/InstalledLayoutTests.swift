import Foundation
import Testing

/// A copy of the built binary laid out as the tarball and the Debian package install it, outside
/// any checkout: `PREFIX/bin/repat` beside `PREFIX/share/repat/{pricing,scenarios}`.
private struct InstalledCopy {
    let prefix: String

    /// The copied binary.
    var binary: String { prefix + "/bin/repat" }

    /// Copies the binary; with `shipped`, links the checkout's `pricing/` and `scenarios/` into `share/repat`.
    init(shipped: Bool) throws {
        prefix = FileManager.default.temporaryDirectory.appendingPathComponent("repat-prefix-\(UUID().uuidString)").path
        let manager = FileManager.default
        try manager.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try manager.copyItem(atPath: try repatExecutable(), toPath: binary)
        guard shipped else { return }
        try manager.createDirectory(atPath: prefix + "/share/repat", withIntermediateDirectories: true)
        for folder in ["pricing", "scenarios"] {
            try manager.createSymbolicLink(atPath: prefix + "/share/repat/" + folder, withDestinationPath: packageRoot + "/" + folder)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: prefix)
    }
}

@Suite("repat installed outside a checkout", .serialized)
struct InstalledLayoutTests {
    @Test("a binary beside share/repat takes a shipped scenario by name and prices a run with the shipped tables, from any folder")
    func shippedFilesBesideTheBinary() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let installed = try InstalledCopy(shipped: true)
        defer { installed.remove() }

        let validate = try await runRepat(["validate", "quickstart"], in: workspace, executable: installed.binary)
        #expect(validate.status == 0, "stderr: \(validate.stderr)")
        #expect(validate.stdout.hasPrefix(installed.prefix + "/share/repat/scenarios/quickstart.yaml: ok"), "\(validate.stdout)")

        let scenario = try workspace.scenario("tiny.yaml", """
        name: installed
        targets:
          - name: box
            dialect: openai-chat
            base_url: sim://box
            model: m
            simulator:
              decode_base_ms: 1
        load:
          concurrency: 2
          requests: 4
        workload:
          prompt_tokens: 16
          max_tokens: 4

        """)
        let run = try await runRepat(["run", scenario, "--results-dir", workspace.results, "--quiet"], in: workspace, timeout: .seconds(30), executable: installed.binary)
        try #require(run.status == 0, "stderr: \(run.stderr)")
        let folders = workspace.runFolders()
        try #require(folders.count == 1)
        #expect(!FileManager.default.fileExists(atPath: workspace.path + "/pricing"))
        let roi = try await runRepat(
            ["roi", workspace.results + "/" + folders[0], "--hardware", "l4", "--volume", "1e6", "--format", "csv"],
            in: workspace, executable: installed.binary
        )
        #expect(roi.status == 0, "stderr: \(roi.stderr)")
        #expect(!roi.stdout.isEmpty)
    }

    @Test("a copied binary outside a checkout, not stamped by a package build, says its commit is unknown")
    func copiedBinaryCommit() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let copied = try InstalledCopy(shipped: false)
        defer { copied.remove() }
        let version = try await runRepat(["--version"], in: workspace, executable: copied.binary)
        #expect(version.status == 0)
        #expect(version.stdout.split(separator: "\n").dropFirst().first == "commit unknown", "\(version.stdout)")
    }
}
