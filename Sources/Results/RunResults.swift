import Foundation
import Metrics

/// A finished (or interrupted) run read back from disk: its per-request records and, when the run
/// folder has one, its metadata. The input to `compare`, `report` and `roi`.
public struct RunResults: Sendable {
    /// Where it was read from: the run folder, or the CSV file given directly.
    public var source: String
    /// Short name for tables: the run id, or the CSV file's name.
    public var name: String
    /// Metadata, when `run.json` sits beside `requests.csv`.
    public var metadata: RunMetadata?
    /// Every request row, in file order.
    public var records: [RequestRecord]

    /// Reads a run folder (containing `requests.csv`) or a `requests.csv` file.
    /// - Throws: ``ResultsError`` naming the file and row.
    public static func load(_ path: String) throws(ResultsError) -> RunResults {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ResultsError("\(path): no such run folder or file")
        }
        let folder = isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
        let csvPath = isFolder.boolValue ? (path as NSString).appendingPathComponent("requests.csv") : path
        guard let data = FileManager.default.contents(atPath: csvPath) else {
            throw ResultsError("\(csvPath): cannot read (is it a run folder with requests.csv?)")
        }
        let table: CSVTable
        do {
            table = try CSVTable.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw ResultsError("\(csvPath): \(error.description)")
        }
        let records = try RequestsCSV.records(from: table, file: csvPath)
        let jsonPath = (folder as NSString).appendingPathComponent("run.json")
        let metadata = FileManager.default.fileExists(atPath: jsonPath) ? try RunMetadata.read(from: jsonPath) : nil
        let name = metadata?.runID ?? (isFolder.boolValue ? (path as NSString).lastPathComponent : ((path as NSString).lastPathComponent as NSString).deletingPathExtension)
        return RunResults(source: path, name: name, metadata: metadata, records: records)
    }

    /// Summaries per target and load level, in the order they first appear in the file; a level
    /// that ran more than once pools its repeats (``LevelSummary/pool(_:)``: wall times add up),
    /// as its row of `summary.csv` does. Inter-token gaps are not in `requests.csv`, so the ITL
    /// distribution holds each request's median gap instead of every gap.
    public func summaries() -> [LevelSummary] {
        var order: [String] = []
        var byLevel: [String: LevelSummary] = [:]
        for summary in repeatSummaries() {
            let key = summary.target + "\u{1F}" + summary.loadLevel
            guard var pooled = byLevel[key] else {
                order.append(key)
                byLevel[key] = summary
                continue
            }
            if pooled.repetition != nil {
                let first = pooled
                pooled = LevelSummary(target: first.target, loadLevel: first.loadLevel, goodput: first.goodputCriteria)
                pooled.pool(first)
            }
            pooled.pool(summary)
            byLevel[key] = pooled
        }
        return order.compactMap { byLevel[$0] }
    }

    /// Summaries per target, load level and repeat, in the order they first appear in the file;
    /// ``LevelSummary/repetition`` is nil where a level ran once.
    public func repeatSummaries() -> [LevelSummary] {
        let repeatedRun = (metadata?.repeats ?? 1) > 1
        var repeated: Set<String> = []
        var firstRepeat: [String: Int] = [:]
        for record in records {
            let key = record.target + "\u{1F}" + record.loadLevel
            if let first = firstRepeat[key], first != record.repetition { repeated.insert(key) }
            if firstRepeat[key] == nil { firstRepeat[key] = record.repetition }
        }
        let limits = metadata?.slo ?? [:]
        let goodput = ["ttft_ms", "tpot_ms", "e2e_ms"].contains(where: { limits[$0] != nil })
            ? GoodputCriteria(ttftMs: limits["ttft_ms"], tpotMs: limits["tpot_ms"], e2eMs: limits["e2e_ms"])
            : nil
        var order: [String] = []
        var byKey: [String: LevelSummary] = [:]
        for record in records {
            let level = record.target + "\u{1F}" + record.loadLevel
            let key = level + "\u{1F}" + String(record.repetition)
            if byKey[key] == nil {
                order.append(key)
                byKey[key] = LevelSummary(
                    target: record.target, loadLevel: record.loadLevel, repetition: repeatedRun || repeated.contains(level) ? record.repetition : nil, goodput: goodput
                )
            }
            let gaps = record.itlP50Ms.map { [UInt64(max(0, $0) * 1e6)] } ?? []
            byKey[key]?.add(record, gapsNs: record.status.isSuccess ? gaps : [])
        }
        return order.compactMap { byKey[$0] }
    }
}
