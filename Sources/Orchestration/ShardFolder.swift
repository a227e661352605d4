import Foundation
import Metrics
import Results
import Workload

/// One shard's folder read back for `repat merge`: its `run.json` (with its shard entry), its
/// `histograms.json` and its `requests.csv` rows.
struct ShardFolder: Sendable {
    /// The folder as given.
    let path: String
    /// Its `run.json`.
    let metadata: RunMetadata
    /// Which shard it holds, from `run.json`.
    let info: ShardInfo
    /// Its per-level summaries and prefix digests.
    let histograms: ShardHistograms
    /// Its rows, in file order.
    let records: [RequestRecord]

    /// The shard, as `i/N`.
    var shard: String { "\(info.index)/\(info.count)" }

    /// Reads `path`.
    /// - Throws: ``ShardMerge/Failure`` naming the folder and what is missing or unreadable.
    init(path: String) throws(ShardMerge.Failure) {
        self.path = path
        let runJSON = (path as NSString).appendingPathComponent("run.json")
        guard FileManager.default.fileExists(atPath: runJSON) else { throw ShardMerge.Failure("\(path): no run.json (not a shard folder)") }
        do {
            metadata = try RunMetadata.read(from: runJSON)
            guard let info = metadata.shard else {
                throw ShardMerge.Failure("\(path): run.json names no shard (a whole run, not one written by repat run --shard)")
            }
            self.info = info
            histograms = try ShardHistograms.read(from: (path as NSString).appendingPathComponent(ShardHistograms.fileName))
            records = try RunResults.load(path).records
        } catch let error as ShardMerge.Failure {
            throw error
        } catch {
            throw ShardMerge.Failure("\(error)")
        }
    }

    /// The shard folders in `paths`: each path a shard folder, or, for one path that is not one
    /// but holds `shard-i-of-N` folders (a run folder), those.
    static func expand(_ paths: [String]) -> [String] {
        guard paths.count == 1, let path = paths.first,
            !FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(ShardHistograms.fileName)),
            let names = try? FileManager.default.contentsOfDirectory(atPath: path)
        else { return paths }
        let shards = names.filter { $0.hasPrefix("shard-") && $0.contains("-of-") }.sorted()
        return shards.isEmpty ? paths : shards.map { (path as NSString).appendingPathComponent($0) }
    }
}
