import Foundation
import Metrics
import Results
import Workload

/// `repat merge`: the shards of one split run made into one ordinary run folder.
///
/// Nothing is resampled or concatenated that can be added exactly: each level's summary is the
/// sum of the shards' (counts, token totals, and every HdrHistogram added bucket by bucket), its
/// window the union of theirs on the wall clock, its workload digest the one a single process
/// sending the same requests has. Rows keep their global request ids and are ordered by
/// scheduled time on the earliest shard's zero.
public enum ShardMerge {
    /// Why shards cannot be merged; one line naming the shard or folder.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The line.
        public let description: String

        init(_ description: String) {
            self.description = description
        }
    }

    /// What a merge wrote.
    public struct Result: Sendable {
        /// The merged run folder.
        public var directory: RunDirectory
        /// Its levels as `summary.csv` has them.
        public var levels: [SummaryCSV.Row]
        /// The scenario's SLO limits; nil without SLOs.
        public var slo: SLOThresholds?
        /// Things a person should know (a level whose shards stopped unevenly has no digest).
        public var notes: [String]
    }

    /// Merges the shard folders `paths` (or the shards inside one run folder) into `output`
    /// (by default the one run folder given).
    /// - Throws: ``Failure`` for shards of different scenarios, seeds, repat versions or counts,
    ///   a missing or duplicated shard, or a folder that cannot be read or written.
    public static func merge(_ paths: [String], output: String?) throws(Failure) -> Result {
        let folders = ShardFolder.expand(paths)
        guard let output = output ?? (folders != paths ? paths.first : nil) else {
            throw Failure("give --output FOLDER for the merged run (or pass the one run folder holding the shard-i-of-N folders)")
        }
        var shards: [ShardFolder] = []
        for folder in folders { shards.append(try ShardFolder(path: folder)) }
        shards = try checked(shards)
        let directory = try outputDirectory(output)
        let base = shards.map(\.info.runStartUnixNs).min() ?? 0
        // Each shard's times moved to the earliest shard's zero, at the microsecond.
        let shifts = shards.map { (Double($0.info.runStartUnixNs - base) / 1000).rounded() / 1e6 }

        var notes: [String] = []
        let levels = try MergedLevel.all(shards, shifts: shifts, slo: sloSpec(shards[0].metadata.slo), notes: &notes)
        let rows = levels.map(\.row)
        var records: [RequestRecord] = []
        for (shard, shift) in zip(shards, shifts) {
            for var record in shard.records {
                record.runID = directory.runID
                record.scheduledS += shift
                record.startS += shift
                records.append(record)
            }
        }
        records.sort { ($0.scheduledS, $0.requestID, $0.target, $0.loadLevel) < ($1.scheduledS, $1.requestID, $1.target, $1.loadLevel) }
        let metadata = mergedMetadata(shards, levels: levels, runID: directory.runID)
        let telemetry = try ShardTelemetry.merged(shards, shifts: shifts)
        do {
            if let telemetry {
                let path = (directory.path as NSString).appendingPathComponent(TelemetryCSV.fileName)
                try AtomicFile.write(Data((TelemetryCSV.header + telemetry.map(TelemetryCSV.line).joined()).utf8), to: path)
            }
            try AtomicFile.write(Data((RequestsCSV.header + records.map(RequestsCSV.row).joined()).utf8), to: directory.requestsCSV)
            try AtomicFile.write(Data(SummaryCSV.render(rows).utf8), to: directory.summaryCSV)
            try metadata.write(to: directory.runJSON)
        } catch {
            throw Failure(error.description)
        }
        return Result(directory: directory, levels: rows, slo: SLOThresholds(fields: metadata.slo), notes: notes)
    }

    /// Waits until the run folder `folder` holds every shard of its run, each finished (its
    /// `run.json` no longer `running`), reading the folder every `pollS` seconds: a merge job
    /// started beside the shards (Kubernetes has no job dependencies) waits with it.
    /// - Throws: ``Failure`` after `timeoutS` seconds, saying how many shards had finished.
    public static func waitForShards(in folder: String, timeoutS: Double, pollS: Double = 1) throws(Failure) {
        let deadline = Date().addingTimeInterval(timeoutS)
        while true {
            let shards = ShardFolder.expand([folder]).filter { $0 != folder }
                .compactMap { try? RunMetadata.read(from: ($0 as NSString).appendingPathComponent("run.json")) }
            let count = shards.first?.shard?.count
            let finished = Set(shards.filter { $0.status != .running }.compactMap { $0.shard?.index }).count
            if let count, finished >= count { return }
            if Date() >= deadline {
                throw Failure("waited \(Int(timeoutS)) s in \(folder): \(finished) of \(count.map(String.init) ?? "?") shards finished")
            }
            Thread.sleep(forTimeInterval: pollS)
        }
    }

    /// The shards in index order, once every index `0..<N` is there exactly once and all ran the
    /// same scenario file, seed and repat version.
    private static func checked(_ shards: [ShardFolder]) throws(Failure) -> [ShardFolder] {
        guard let first = shards.first else { throw Failure("no shard folders given") }
        let count = first.info.count
        for shard in shards.dropFirst() {
            if shard.info.count != count {
                throw Failure("\(shard.path): shard \(shard.shard) is one of \(shard.info.count) shards, \(first.path) one of \(count)")
            }
            if shard.metadata.scenarioDigest != first.metadata.scenarioDigest || shard.metadata.scenarioName != first.metadata.scenarioName {
                throw Failure("\(shard.path): shard \(shard.shard) ran another scenario (\(shard.metadata.scenarioName), file digest \(shard.metadata.scenarioDigest ?? "none")) than \(first.path) (\(first.metadata.scenarioName), \(first.metadata.scenarioDigest ?? "none"))")
            }
            if shard.metadata.seed != first.metadata.seed {
                throw Failure("\(shard.path): shard \(shard.shard) ran seed \(shard.metadata.seed), \(first.path) seed \(first.metadata.seed)")
            }
            if shard.metadata.repatVersion != first.metadata.repatVersion || shard.metadata.repatCommit != first.metadata.repatCommit {
                throw Failure("\(shard.path): shard \(shard.shard) ran repat \(shard.metadata.repatVersion) (\(shard.metadata.repatCommit ?? "commit unknown")), \(first.path) repat \(first.metadata.repatVersion) (\(first.metadata.repatCommit ?? "commit unknown"))")
            }
        }
        var byIndex: [Int: ShardFolder] = [:]
        for shard in shards {
            if let other = byIndex[shard.info.index] {
                throw Failure("shard \(shard.shard) given twice: \(other.path) and \(shard.path)")
            }
            byIndex[shard.info.index] = shard
        }
        let missing = (0..<count).filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            let names = missing.map { "\($0)/\(count)" }.joined(separator: ", ")
            throw Failure("shard\(missing.count == 1 ? "" : "s") \(names) missing: have \(shards.map(\.path).sorted().joined(separator: ", "))")
        }
        return (0..<count).compactMap { byIndex[$0] }
    }

    /// The merged run's folder, created when missing; refused when it already holds a run.
    private static func outputDirectory(_ path: String) throws(Failure) -> RunDirectory {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw Failure("cannot create \(path): \(error.localizedDescription)")
        }
        let directory = RunDirectory(existing: path)
        if FileManager.default.fileExists(atPath: directory.requestsCSV) {
            throw Failure("\(directory.requestsCSV) already exists: merge into an empty folder")
        }
        return directory
    }

    /// The scenario's SLOs from the limits `run.json` records.
    private static func sloSpec(_ fields: [String: Double]?) -> SLOSpec? {
        guard let thresholds = SLOThresholds(fields: fields) else { return nil }
        var perRequest: [String: Double] = [:]
        var limits: [SLOSpec.Limit] = []
        for limit in thresholds.limits {
            if let percentile = limit.percentile {
                limits.append(SLOSpec.Limit(metric: limit.metric, percentile: percentile, maxMs: limit.maxMs, field: limit.field))
            } else {
                perRequest[limit.metric] = limit.maxMs
            }
        }
        return SLOSpec(limits: limits, maxErrorRate: thresholds.maxErrorRate, perRequest: perRequest)
    }

    /// The merged `run.json`: shard 0's description of the run, the merged levels and digest,
    /// the earliest start and latest end, the worst status, and one entry per shard.
    private static func mergedMetadata(_ shards: [ShardFolder], levels: [MergedLevel], runID: String) -> RunMetadata {
        var metadata = shards[0].metadata
        metadata.runID = runID
        metadata.shard = nil
        metadata.telemetry = nil
        metadata.startedAt = shards.map(\.metadata.startedAt).min() ?? metadata.startedAt
        metadata.endedAt = shards.compactMap(\.metadata.endedAt).max()
        let statuses = shards.map(\.metadata.status)
        metadata.status = [.failed, .running, .interrupted].first(where: statuses.contains) ?? .completed
        metadata.levels = levels.map(\.outcome)
        metadata.loadLevels = levels.map(\.summary.loadLevel).reduce(into: []) { labels, label in
            if !labels.contains(label) { labels.append(label) }
        }
        let firstTarget = metadata.targets.first?.name
        let digests = levels.filter { $0.summary.target == firstTarget }.map(\.summary.workloadDigest)
        if digests.isEmpty || digests.contains(nil) {
            metadata.workloadDigest = nil
        } else {
            var digest = WorkloadDigest()
            for level in digests { digest.add(digest: level ?? "") }
            metadata.workloadDigest = digest.finalize()
        }
        metadata.shards = shards.map { shard in
            var info = shard.info
            info.status = shard.metadata.status
            info.levels = zip(shard.histograms.levels, shard.metadata.levels).map { level, outcome in
                ShardInfo.Level(
                    target: level.summary.target, loadLevel: level.summary.loadLevel, requests: level.summary.requests,
                    sendLag: level.summary.sendLag, clientHealth: outcome.clientHealth
                )
            }
            return info
        }
        return metadata
    }
}
