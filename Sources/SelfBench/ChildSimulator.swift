import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A simulator in a child process (`repat simulate`), for steps whose streams do not fit in one
/// process beside their server: each stream then costs this process one descriptor instead of
/// two, and the simulator's CPU is the child's own. Ground truth still holds: both processes read
/// the same `CLOCK_MONOTONIC`.
final class ChildSimulator: Sendable {
    /// The OpenAI-compatible base URL the child serves, e.g. `http://127.0.0.1:41234/v1`.
    let baseURL: String
    private let process: Process

    private init(baseURL: String, process: Process) {
        self.baseURL = baseURL
        self.process = process
    }

    /// Starts `executable simulate` on a free loopback port with `threads` event loops and the
    /// engine `options`, and waits for the line that gives its address.
    static func start(
        executable: String, options: [(name: String, value: String)], threads: Int
    ) async throws(SelfBenchError) -> ChildSimulator {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["simulate", "--host", "127.0.0.1", "--port", "0", "--threads", String(threads)]
            + options.flatMap { ["--set", "\($0.name)=\($0.value)"] }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw SelfBenchError("cannot start the simulator process \(executable): \(error.localizedDescription)")
        }
        let line = await firstLine(of: output.fileHandleForReading)
        guard let baseURL = line.flatMap(Self.baseURL(inBanner:)) else {
            process.terminate()
            process.waitUntilExit()
            throw SelfBenchError("the simulator process \(executable) did not report its address (it said: \(line ?? "nothing"))")
        }
        return ChildSimulator(baseURL: baseURL, process: process)
    }

    /// CPU seconds (user + system) the child has used so far, from `/proc/<pid>/stat`.
    var cpuSeconds: Double {
        guard let text = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return 0 }
        // Fields after the command name: state is the 3rd field of the line, utime the 14th, stime the 15th.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Stops the child and waits for it to exit.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// The API base URL in `repat simulate`'s banner: `… (OpenAI-compatible API at URL; …)`.
    static func baseURL(inBanner line: String) -> String? {
        guard let start = line.range(of: "API at ")?.upperBound,
              let end = line[start...].firstIndex(where: { $0 == ";" || $0 == ")" }) else { return nil }
        let url = String(line[start..<end])
        return url.hasPrefix("http://") ? url : nil
    }

    /// The first line the child writes, read on a thread of its own (the read blocks); nil if
    /// the child closes its output first.
    private static func firstLine(of handle: FileHandle) async -> String? {
        await withCheckedContinuation { continuation in
            let reader = Thread {
                var bytes: [UInt8] = []
                while true {
                    let data = handle.availableData
                    if data.isEmpty { break }
                    bytes.append(contentsOf: data)
                    if bytes.contains(UInt8(ascii: "\n")) { break }
                }
                guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else {
                    continuation.resume(returning: bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self))
                    return
                }
                continuation.resume(returning: String(decoding: bytes[..<newline], as: UTF8.self))
            }
            reader.start()
        }
    }
}
