#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The open-files limit (`ulimit -n`) as it bears on holding many streams in one process.
///
/// With the simulator in the same process every stream costs two descriptors (the client's socket
/// and the server's), with the simulator in a child process one, plus a reserve for everything
/// else; ``raise(toHold:descriptorsPerStream:)`` lifts the soft limit towards that, up to the hard
/// limit, and says how many streams fit. A child process inherits the raised limit.
struct FileLimit: Sendable, Equatable {
    /// Descriptors kept for everything that is not a stream (files, event loops, epoll, pipes).
    static let reserve = 512

    /// The soft limit after raising.
    var soft: Int
    /// The hard limit (raising past it needs privileges this process does not have).
    var hard: Int
    /// Descriptors each stream costs this process.
    var perStream: Int

    /// Streams that fit under the soft limit.
    var streamCapacity: Int { max(0, (soft - Self.reserve) / perStream) }

    /// Raises the soft limit so that `streams` fit at `perStream` descriptors each, as far as the
    /// hard limit allows, and returns the limit in force afterwards.
    static func raise(toHold streams: Int, descriptorsPerStream perStream: Int) -> FileLimit {
        let needed = rlim_t(streams * perStream + reserve)
        #if canImport(Glibc)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return FileLimit(soft: 1024, hard: 1024, perStream: perStream) }
        if limit.rlim_cur < needed {
            var raised = limit
            raised.rlim_cur = min(needed, limit.rlim_max)
            if setrlimit(resource, &raised) == 0 { limit = raised }
        }
        return FileLimit(soft: Int(clamping: limit.rlim_cur), hard: Int(clamping: limit.rlim_max), perStream: perStream)
    }
}
