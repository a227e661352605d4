import Foundation
import Metrics

/// `histograms.json` in a shard's folder: each level's whole summary as the shard measured it —
/// counts, token totals, its window and every HdrHistogram (TTFT, TPOT, ITL, E2E, from-schedule,
/// send lag) — plus the workload digests merge needs. `repat merge` adds these histograms instead
/// of recomputing percentiles from rows, so the merged figures are those of one process that
/// measured every request (ITL included, which `requests.csv` holds only as per-request medians).
public struct ShardHistograms: Codable, Sendable {
    /// The file's name in a shard folder.
    public static let fileName = "histograms.json"

    /// One target at one level, as one shard ran it.
    public struct Level: Codable, Sendable {
        /// The level's summary, times on the shard's own zero.
        public var summary: LevelSummary
        /// The workload digest of the prefix `0..<M` of the level's requests, for every `M` the
        /// union of shards could have if it is a prefix (see `Shard.prefixLengths`), keyed by `M`:
        /// merge picks the one of the union's size, which equals a single process's digest.
        public var prefixDigests: [String: String]

        /// Creates a level entry.
        public init(summary: LevelSummary, prefixDigests: [Int: String]) {
            self.summary = summary
            self.prefixDigests = Dictionary(uniqueKeysWithValues: prefixDigests.map { (String($0.key), $0.value) })
        }
    }

    /// The levels in run order.
    public var levels: [Level]

    /// Creates the file's contents.
    public init(levels: [Level]) {
        self.levels = levels
    }

    /// Writes the file atomically.
    /// - Throws: ``ResultsError``.
    public func write(to path: String) throws(ResultsError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // An empty level's window is ±infinity.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data: Data
        do {
            data = try encoder.encode(self)
        } catch {
            throw ResultsError("cannot encode shard histograms: \(error)")
        }
        try AtomicFile.write(data, to: path)
    }

    /// Reads a file written by ``write(to:)``.
    /// - Throws: ``ResultsError`` naming the file.
    public static func read(from path: String) throws(ResultsError) -> ShardHistograms {
        guard let data = FileManager.default.contents(atPath: path) else { throw ResultsError("cannot read \(path)") }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try decoder.decode(ShardHistograms.self, from: data)
        } catch {
            throw ResultsError("\(path) is not a shard's histograms file: \(error)")
        }
    }
}
