import Foundation

/// The package's own `repat` executable as `swift build` / `swift test` left it, for tests that
/// run it as a child process.
public enum BuiltExecutable {
    /// The package's root folder, from this file's path.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The places `repat` may be: beside the test runner (on Darwin, up to three folders above
    /// it, outside the .xctest bundle), then `.build/debug`.
    public static var repatCandidates: [String] {
        var candidates: [String] = []
        if let runner = ProcessInfo.processInfo.arguments.first {
            var folder = URL(fileURLWithPath: runner).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("repat").path)
                folder.deleteLastPathComponent()
            }
        }
        candidates.append(packageRoot + "/.build/debug/repat")
        return candidates
    }

    /// The first candidate that is an executable file, if any.
    public static func repat() -> String? {
        repatCandidates.first { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
                && FileManager.default.isExecutableFile(atPath: path)
        }
    }
}
