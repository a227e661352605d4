#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a file named in a scenario can be read, and if not, why, in the operating system's
/// words, with the path a person can look for.
enum FileAccess {
    /// `path` made absolute against the current directory (as given when already absolute).
    static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let folder = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    /// Why `path` cannot be read (`strerror`, e.g. "No such file or directory", "Is a
    /// directory"), or nil when it opens for reading as a file.
    static func unreadableReason(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { _ = close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return String(cString: strerror(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return String(cString: strerror(EISDIR)) }
        return nil
    }

    /// `cannot read ABSOLUTE-PATH (REASON)` when `path` cannot be read, else nil.
    static func problem(reading path: String) -> String? {
        unreadableReason(path).map { "cannot read \(absolute(path)) (\($0))" }
    }
}
