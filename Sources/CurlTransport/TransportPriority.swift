import Foundation
import Synchronization

/// The transport threads' scheduling priority. Each thread asks the kernel for nice
/// ``raisedNice`` as it starts, so that when the machine is busy (the server under test on the
/// same host, the task pool) a response or a due send wakes it ahead of them: its stamps and send
/// times then carry less of other threads' work. Raising priority needs root or `CAP_SYS_NICE`
/// (or an `RLIMIT_NICE` that allows it); without, the threads keep the default priority.
public enum TransportPriority {
    /// The nice value asked for (lower runs first; 0 is the default).
    public static let raisedNice: Int32 = -10

    /// What the threads started so far got.
    public enum State: Sendable, Equatable {
        /// No transport thread has started yet.
        case notStarted
        /// Raised to ``raisedNice``.
        case raised
        /// The kernel refused: default priority.
        case refused
    }

    private static let outcome = Atomic<Int>(0)

    /// What the transport threads started so far got (the last one to start).
    public static var state: State {
        switch outcome.load(ordering: .relaxed) {
        case 1: return .raised
        case 2: return .refused
        default: return .notStarted
        }
    }

    /// One line for reports: the threads' priority and why.
    public static var summary: String {
        switch state {
        case .notStarted: return "transport threads not started"
        case .raised: return "transport threads at nice \(raisedNice)"
        case .refused: return "transport threads at default priority (nice \(raisedNice) needs root or CAP_SYS_NICE)"
        }
    }

    /// Raises the calling thread's priority (on Linux, `setpriority` with `who` 0 sets the calling
    /// thread's nice value) and records whether the kernel allowed it.
    static func raiseCurrentThread() {
        #if canImport(Glibc)
        let result = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, raisedNice)
        #else
        let result = setpriority(PRIO_PROCESS, 0, raisedNice)
        #endif
        outcome.store(result == 0 ? 1 : 2, ordering: .relaxed)
    }
}
