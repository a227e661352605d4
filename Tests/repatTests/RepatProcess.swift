import Foundation
import LoopbackSupport
import Results
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a finished `repat` process left behind.
struct RepatOutcome {
    /// Exit status, or the signal number when `signalled`.
    var status: Int32
    /// Whether a signal ended the process.
    var signalled: Bool
    /// Everything written to standard output.
    var stdout: String
    /// Everything written to standard error.
    var stderr: String

    /// Standard error split into lines, without the empty last one.
    var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
}

/// A temporary working folder for one `repat` invocation, with `results/` as its results folder.
struct Workspace {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("repat-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The folder passed as `--results-dir`.
    var results: String { path + "/results" }

    /// Writes a scenario file into the workspace and returns its path.
    func scenario(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// The run folders created under `results`.
    func runFolders() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: results)) ?? []).sorted()
    }

    /// Deletes the workspace and everything in it.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The package's root folder.
let packageRoot = BuiltExecutable.packageRoot

/// The built `repat` executable: next to the test bundle, or in `.build/debug`.
func repatExecutable() throws -> String {
    try #require(BuiltExecutable.repat(), "no repat executable among \(BuiltExecutable.repatCandidates)")
}

/// Runs `repat` with `arguments` in `workspace`, standard output and error captured to files.
///
/// - Parameters:
///   - environment: the child's whole environment (default: this process's).
///   - wrapper: a command line (`/bin/sh -c '…'`, say) that receives repat's path as `$0` and
///     its arguments as `$@` and must `exec` it, to change its limits or namespaces first.
///   - timeout: the child is killed after this long, and the test fails.
///   - executable: the binary to run (default: the built one, ``repatExecutable()``).
///   - whileRunning: called with the child's pid once it has started.
func runRepat(
    _ arguments: [String], in workspace: Workspace, environment: [String: String]? = nil, wrapper: [String]? = nil,
    timeout: Duration = .seconds(60), executable: String? = nil, whileRunning: (@Sendable (Int32) async throws -> Void)? = nil
) async throws -> RepatOutcome {
    let process = Process()
    let binary = try executable ?? repatExecutable()
    if let wrapper, let command = wrapper.first {
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = Array(wrapper.dropFirst()) + [binary] + arguments
    } else {
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
    }
    process.currentDirectoryURL = URL(fileURLWithPath: workspace.path)
    if let environment { process.environment = environment }
    let stdoutPath = workspace.path + "/.stdout"
    let stderrPath = workspace.path + "/.stderr"
    try #require(FileManager.default.createFile(atPath: stdoutPath, contents: nil))
    try #require(FileManager.default.createFile(atPath: stderrPath, contents: nil))
    let stdout = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
    let stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = FileHandle.nullDevice

    let (ended, endedContinuation) = AsyncStream<Void>.makeStream()
    process.terminationHandler = { _ in endedContinuation.finish() }
    try process.run()
    let pid = process.processIdentifier
    let timedOut = TimeoutMark()
    let watchdog = Task {
        try await Task.sleep(for: timeout)
        timedOut.set()
        kill(pid, SIGKILL)
    }
    defer { watchdog.cancel() }
    if let whileRunning {
        do {
            try await whileRunning(pid)
        } catch {
            kill(pid, SIGKILL)
            for await _ in ended {}
            throw error
        }
    }
    for await _ in ended {}
    try stdout.close()
    try stderr.close()
    let outcome = RepatOutcome(
        status: process.terminationStatus,
        signalled: process.terminationReason == .uncaughtSignal,
        stdout: try String(contentsOfFile: stdoutPath, encoding: .utf8),
        stderr: try String(contentsOfFile: stderrPath, encoding: .utf8)
    )
    #expect(!timedOut.isSet, "repat ran past \(timeout) and was killed")
    return outcome
}

/// A loopback TCP port with nothing listening: bound to find a free one, then closed.
func closedLoopbackPort() throws -> Int {
    #if canImport(Glibc)
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
    let descriptor = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
            bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
        }
    }
    try #require(bound)
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Rows of cells (header first) read with the project's own reader, ``CSVTable``; nil when the
/// text is malformed or does not end with a line break, so a half-written last row is caught.
func parseCSV(_ text: String) -> [[String]]? {
    guard text.isEmpty || text.hasSuffix("\n"), let table = try? CSVTable.parse(text) else { return nil }
    return [table.header] + table.rows
}

/// Set when the runner's watchdog had to kill repat (as opposed to a test killing it on purpose).
final class TimeoutMark: Sendable {
    private let value = Atomic<Bool>(false)

    func set() {
        value.store(true, ordering: .relaxed)
    }

    var isSet: Bool { value.load(ordering: .relaxed) }
}
