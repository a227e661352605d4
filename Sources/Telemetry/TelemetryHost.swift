import Foundation

/// Where the local samplers look: the sysfs and procfs roots and the command search path.
/// Injectable so tests run the samplers against a fake tree and a fake `nvidia-smi`.
public struct TelemetryHost: Sendable {
    /// sysfs mount point (`/sys`); RAPL zones are under `class/powercap`.
    public var sysfsRoot: String
    /// procfs mount point (`/proc`); `stat` and `meminfo` are read.
    public var procRoot: String
    /// Folders searched for `nvidia-smi`, `amd-smi` and `rocm-smi`, `PATH`-style (`:`-separated).
    public var searchPath: String

    /// Creates a host description.
    public init(sysfsRoot: String = "/sys", procRoot: String = "/proc", searchPath: String) {
        self.sysfsRoot = sysfsRoot
        self.procRoot = procRoot
        self.searchPath = searchPath
    }

    /// This machine, searching this process's `PATH`.
    public static var current: TelemetryHost {
        TelemetryHost(searchPath: ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")
    }

    /// The first executable file called `name` in the search path; nil when there is none.
    public func executable(_ name: String) -> String? {
        for folder in searchPath.split(separator: ":", omittingEmptySubsequences: true) {
            let path = (String(folder) as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: path) {
                return path
            }
        }
        return nil
    }

    /// Path under the sysfs root.
    func sysfs(_ relative: String) -> String {
        (sysfsRoot as NSString).appendingPathComponent(relative)
    }

    /// Path under the procfs root.
    func procfs(_ relative: String) -> String {
        (procRoot as NSString).appendingPathComponent(relative)
    }
}
