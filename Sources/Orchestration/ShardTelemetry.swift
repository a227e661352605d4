import Foundation
import Results

/// The shards' `telemetry.csv` files as one, on the wall clock: every row kept, its `t_ms` moved
/// to the merged run's zero, a `shard="i"` label added (each shard sampled its own host), rows
/// ordered by `time_utc`.
enum ShardTelemetry {
    /// The merged rows, or nil when no shard recorded telemetry.
    /// - Throws: ``ShardMerge/Failure`` for a file that cannot be read.
    static func merged(_ shards: [ShardFolder], shifts: [Double]) throws(ShardMerge.Failure) -> [TelemetryCSV.Row]? {
        var rows: [TelemetryCSV.Row] = []
        var found = false
        for (shard, shift) in zip(shards, shifts) {
            let path = (shard.path as NSString).appendingPathComponent(TelemetryCSV.fileName)
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            found = true
            do {
                let table = try CSVTable.parse(String(decoding: data, as: UTF8.self))
                for var row in try TelemetryCSV.rows(from: table, file: path) {
                    row.tMs += shift * 1000
                    let label = "shard=\"\(shard.info.index)\""
                    row.labels = row.labels.isEmpty ? label : row.labels + "," + label
                    rows.append(row)
                }
            } catch {
                throw ShardMerge.Failure("\(path): \(error)")
            }
        }
        guard found else { return nil }
        // Stable: rows of one sample stay together, in their file order.
        return rows.enumerated().sorted { ($0.element.timeUTC, $0.element.tMs, $0.offset) < ($1.element.timeUTC, $1.element.tMs, $1.offset) }.map(\.element)
    }
}
