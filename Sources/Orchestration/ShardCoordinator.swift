import CurlTransport
import Foundation
import LoadGen
import Results
import Workload

/// When each level of one shard starts: at `--start-at` (the first level), at the common time a
/// `--barrier` yields (every level), or as soon as the shard is ready.
struct ShardCoordinator: Sendable {
    /// The shard and how it starts.
    let setup: ShardSetup
    /// Event lines (a late start).
    let log: @Sendable (String) -> Void

    /// A shard may start this late (ns) against `--start-at` and still run: its first sends are
    /// late, and their send lag says by how much. Later than this, it refuses.
    static let lateStartLimitNs: Int64 = 1_000_000_000

    /// The monotonic time at which level number `step` (0-based, in run order) starts; nil when
    /// it starts as soon as it can.
    /// - Throws: ``ShardBarrier/Failure`` when the barrier fails or `--start-at` passed too long ago.
    func levelStart(step: Int) async throws(ShardBarrier.Failure) -> UInt64? {
        let startUnixNs: Int64
        switch setup.start {
        case .immediately:
            return nil
        case .at(let date):
            guard step == 0 else { return nil }
            startUnixNs = Int64((date.timeIntervalSince1970 * 1e9).rounded())
            let lateNs = ShardClock.unixNs() - startUnixNs
            if lateNs > Self.lateStartLimitNs {
                throw ShardBarrier.Failure(
                    description: "--start-at \(Timestamp.iso8601(date)) had passed by \(String(format: "%.1f", Double(lateNs) / 1e9)) s when shard \(setup.shard) was ready: give a later time"
                )
            }
        case .barrier(let folder, let timeoutS):
            startUnixNs = try await ShardBarrier(folder: folder, shard: setup.shard, timeoutS: timeoutS).wait(step: step)
        }
        let nowUnix = ShardClock.unixNs()
        let nowMonotonic = MonotonicClock.now()
        if nowUnix > startUnixNs {
            log("warning: shard \(setup.shard) starts level \(step + 1) \(String(format: "%.3f", Double(nowUnix - startUnixNs) / 1e6)) ms after the common start; its first sends are late")
        }
        return ShardClock.monotonic(forUnixNs: startUnixNs, nowUnixNs: nowUnix, nowMonotonic: nowMonotonic)
    }
}
