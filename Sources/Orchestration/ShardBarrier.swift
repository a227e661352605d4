import Foundation
import Workload

/// A start line in a folder every shard can see (a shared file system, a ReadWriteMany volume):
/// each shard checks in with a file `step-<k>/shard-i-of-N` holding its wall-clock time, and once
/// all N have, every shard starts step `k` at the same wall-clock time, ``marginNs`` after the
/// last check-in — each computes it from the same files, so no shard has to lead.
struct ShardBarrier: Sendable {
    /// What to do, decided from the check-ins seen so far; reads no clock.
    enum Action: Equatable {
        /// Not everyone is there yet.
        case wait
        /// Start at this wall-clock time (ns since 1970).
        case start(atUnixNs: Int64)
        /// The timeout passed with these shards still missing.
        case timedOut(missing: [Int])
    }

    /// Time between the last check-in and the common start, ns: long enough for every shard to
    /// see the last file (polling every ``pollNs``, plus a shared file system's delay).
    static let marginNs: Int64 = 2_000_000_000
    /// How often the folder is read while waiting, ns.
    static let pollNs: UInt64 = 20_000_000

    /// Decides from the check-in times by shard index, at wall-clock `nowUnixNs`, with the wait
    /// ending at `deadlineUnixNs`.
    static func decide(checkIns: [Int: Int64], count: Int, nowUnixNs: Int64, deadlineUnixNs: Int64) -> Action {
        let missing = (0..<count).filter { checkIns[$0] == nil }
        if missing.isEmpty, let last = checkIns.values.max() { return .start(atUnixNs: last + marginNs) }
        return nowUnixNs >= deadlineUnixNs ? .timedOut(missing: missing) : .wait
    }

    /// Why a barrier failed, one line naming the folder and the shards concerned.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The shared folder.
    let folder: String
    /// This process's shard.
    let shard: Shard
    /// Longest wait for the others, seconds.
    let timeoutS: Double

    /// Checks in for `step` and waits until every shard has; returns the common start (wall
    /// clock, ns since 1970).
    /// - Throws: ``Failure`` when the folder cannot be written, this shard already checked in
    ///   (a duplicated shard), or the others do not all arrive within ``timeoutS``.
    func wait(step: Int) async throws(Failure) -> Int64 {
        let stepFolder = (folder as NSString).appendingPathComponent("step-\(step)")
        try checkIn(stepFolder)
        let deadline = ShardClock.unixNs() + Int64(timeoutS * 1e9)
        while true {
            switch Self.decide(checkIns: checkIns(stepFolder), count: shard.count, nowUnixNs: ShardClock.unixNs(), deadlineUnixNs: deadline) {
            case .start(let time):
                return time
            case .timedOut(let missing):
                let names = missing.map { Shard(index: $0, count: shard.count)?.description ?? "\($0)" }
                throw Failure(
                    description: "barrier \(folder): shard\(missing.count == 1 ? "" : "s") \(names.joined(separator: ", ")) did not check in within \(Int(timeoutS)) s (step \(step))"
                )
            case .wait:
                try? await Task.sleep(nanoseconds: Self.pollNs)
                if Task.isCancelled { throw Failure(description: "barrier \(folder): cancelled while waiting for the other shards") }
            }
        }
    }

    /// Publishes this shard's file atomically (written aside, then hard-linked into place, which
    /// fails when the name is taken).
    private func checkIn(_ stepFolder: String) throws(Failure) {
        do {
            try FileManager.default.createDirectory(atPath: stepFolder, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "barrier \(folder): cannot create \(stepFolder): \(error.localizedDescription)")
        }
        let name = "shard-\(shard.index)-of-\(shard.count)"
        let path = (stepFolder as NSString).appendingPathComponent(name)
        let aside = (stepFolder as NSString).appendingPathComponent(".\(name).\(getpid())")
        guard FileManager.default.createFile(atPath: aside, contents: Data("\(ShardClock.unixNs())\n".utf8)) else {
            throw Failure(description: "barrier \(folder): cannot write \(aside)")
        }
        defer { unlink(aside) }
        guard link(aside, path) == 0 else {
            if errno == EEXIST {
                throw Failure(description: "barrier \(folder): shard \(shard) has already checked in at \(path) (is the same shard running twice, or is the barrier folder left from an earlier run?)")
            }
            throw Failure(description: "barrier \(folder): cannot check in at \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// The check-ins of this shard count found in `stepFolder`, by shard index.
    private func checkIns(_ stepFolder: String) -> [Int: Int64] {
        var found: [Int: Int64] = [:]
        let suffix = "-of-\(shard.count)"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: stepFolder)) ?? [] where name.hasPrefix("shard-") && name.hasSuffix(suffix) {
            guard let index = Int(name.dropFirst("shard-".count).dropLast(suffix.count)),
                let data = FileManager.default.contents(atPath: (stepFolder as NSString).appendingPathComponent(name)),
                let time = Int64(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            else { continue }
            found[index] = time
        }
        return found
    }
}
