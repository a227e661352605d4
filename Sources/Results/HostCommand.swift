import Foundation

/// Short host commands (git, nvidia-smi) found on `PATH`, and the thread they block.
enum HostCommand {
    /// Runs `work`, which blocks (it starts processes or reads slow files), on a global dispatch
    /// queue instead of the cooperative task pool, and returns its result.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(returning: work()) }
        }
    }

    /// The trimmed standard output of `command` with `arguments`, or nil when it is missing or
    /// fails. Blocks until it exits: call it through ``offPool(_:)`` from async code.
    static func output(_ command: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
