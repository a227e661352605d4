import Foundation

/// The machine a run was measured from.
public struct HostInfo: Codable, Sendable {
    /// Operating system and version.
    public var os: String
    /// Kernel release (`uname -r`).
    public var kernel: String
    /// CPU model name.
    public var cpuModel: String
    /// Logical CPU count.
    public var cpuCores: Int
    /// Physical memory, bytes.
    public var memoryBytes: UInt64
    /// GPUs as `nvidia-smi` lists them (name, memory, driver), empty without NVIDIA GPUs.
    public var gpus: [String]?

    /// Creates host information.
    public init(os: String, kernel: String, cpuModel: String, cpuCores: Int, memoryBytes: UInt64) {
        self.os = os
        self.kernel = kernel
        self.cpuModel = cpuModel
        self.cpuCores = cpuCores
        self.memoryBytes = memoryBytes
    }

    /// This machine, read from the OS and `nvidia-smi` on a thread of its own, so that a slow
    /// `nvidia-smi` (a second or more on a busy GPU host) never blocks the task pool.
    public static func probe() async -> HostInfo {
        await HostCommand.offPool(current)
    }

    /// This machine, read from the OS; blocks while `nvidia-smi` runs.
    private static func current() -> HostInfo {
        let info = ProcessInfo.processInfo
        var name = utsname()
        uname(&name)
        let kernel = withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        var host = HostInfo(
            os: osRelease() ?? info.operatingSystemVersionString,
            kernel: kernel,
            cpuModel: cpuModel() ?? "unknown",
            cpuCores: info.processorCount,
            memoryBytes: info.physicalMemory
        )
        let query = ["--query-gpu=name,memory.total,driver_version", "--format=csv,noheader"]
        host.gpus = HostCommand.output("nvidia-smi", query)?.split(separator: "\n").map(String.init) ?? []
        return host
    }

    private static func osRelease() -> String? {
        guard let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
            return line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    private static func cpuModel() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
