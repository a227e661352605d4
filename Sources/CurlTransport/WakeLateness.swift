/// How late the kernel wakes the transport thread from a timed wait, tracked so that a scheduled
/// send stops sleeping just early enough to be handed to curl on time by polling.
///
/// Timer slack and, in virtual machines, the hypervisor's own wake-up path make a thread wake
/// tens to hundreds of microseconds after the time it asked for; how much depends on the host.
/// The transport measures it on every timed wake-up before a send and polls for twice the recent
/// worst lateness (20 to 500 µs).
struct WakeLateness {
    /// Never poll for less than this.
    static let minimumSpinNs: UInt64 = 20_000
    /// Never poll for more than this, whatever the host does: polling costs the CPU a co-located
    /// server under test may need.
    static let maximumSpinNs: UInt64 = 500_000

    /// A decaying maximum of the observed lateness (ns): a new high is taken at once; otherwise
    /// it shrinks by 1% per observation.
    private(set) var recentMaxNs: Double = 100_000

    /// Records one timed wake-up that came `ns` after the time asked for.
    mutating func observe(_ ns: UInt64) {
        recentMaxNs = max(Double(ns), recentMaxNs * 0.99)
    }

    /// Records a timed wake-up at `now` from a sleep that asked to wake at `wake` (monotonic ns).
    /// Only a late wake-up counts: one on time or early (an interrupted sleep) says nothing
    /// about the kernel's lateness.
    mutating func wokeUp(at now: UInt64, askedFor wake: UInt64) {
        if now > wake { observe(now - wake) }
    }

    /// How long before a send to stop sleeping and poll instead.
    var spinNs: UInt64 {
        UInt64(min(max(recentMaxNs * 2, Double(Self.minimumSpinNs)), Double(Self.maximumSpinNs)))
    }
}
