import Foundation
import Metrics
import Results

/// Reads run folders into ``MeasuredTarget``s: per-level rates, status, SLO verdicts and measured power from
/// `summary.csv` (by column name, so files with or without telemetry columns read alike), and what
/// `summary.csv` does not hold (prefill share, token counts per task) from `requests.csv`.
public enum RunReader {
    /// Reads every run (a run folder, or a `requests.csv` file) and merges targets by name.
    /// - Throws: ``ROIError`` naming the file.
    public static func read(_ paths: [String]) throws(ROIError) -> [MeasuredTarget] {
        var order: [String] = []
        var levels: [String: [LevelMeasurement]] = [:]
        var info: [String: RunMetadata.Target] = [:]
        var hostGPUs: [String: [String]] = [:]
        var records: [RequestRecord] = []
        for path in paths {
            let run: RunResults
            do {
                run = try RunResults.load(path)
            } catch {
                throw ROIError(error.description)
            }
            let summary = try summaryRows(folder: folder(of: path))
            for level in measurements(run, summary: summary) {
                if levels[level.target] == nil { order.append(level.target) }
                levels[level.target, default: []].append(level)
            }
            for target in run.metadata?.targets ?? [] {
                info[target.name] = target
                hostGPUs[target.name] = run.metadata?.host.gpus
            }
            records += run.records.filter { !$0.warmup }
        }
        let tasks = taskTokens(records, targets: order)
        return order.map { name in
            var target = MeasuredTarget(
                name: name, model: info[name]?.model, baseURL: info[name]?.baseURL, standsFor: info[name]?.standsFor, levels: levels[name] ?? [],
                tasks: tasks[name] ?? TaskTokens(input: 0, output: 0, requests: 0)
            )
            target.servedModel = info[name]?.servedModel?.name
            target.hostGPUs = hostGPUs[name]
            return target
        }
    }

    /// The run folder of `path`: itself when it is a folder, else the folder holding the file
    /// (`.` for a bare file name).
    public static func folder(of path: String) -> String {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        let folder = exists && isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// `summary.csv` rows by target and level (a repeated level's pooled row), as column → cell;
    /// empty when the file is absent.
    private static func summaryRows(folder: String) throws(ROIError) -> [String: [String: String]] {
        let file = (folder as NSString).appendingPathComponent("summary.csv")
        guard let data = FileManager.default.contents(atPath: file) else { return [:] }
        let table: CSVTable
        do {
            table = try CSVTable.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw ROIError("\(file): \(error.description)")
        }
        for required in ["target", "load_level", "input_tok_per_s", "output_tok_per_s"] where !table.header.contains(required) {
            throw ROIError("\(file): not a summary.csv (no \(required) column)")
        }
        var rows: [String: [String: String]] = [:]
        // A repeated level's own row has an empty `repeat`; the rows of its repeats are left out
        // (the level's figures pool them, as run.summaries() does from requests.csv).
        for row in table.rows {
            let cells = Dictionary(zip(table.header, row), uniquingKeysWith: { first, _ in first })
            guard cells["repeat", default: ""].isEmpty else { continue }
            rows[key(cells["target"] ?? "", cells["load_level"] ?? "")] = cells
        }
        return rows
    }

    private static func key(_ target: String, _ level: String) -> String { target + "\u{1F}" + level }

    /// One measurement per target and level of `run`.
    private static func measurements(_ run: RunResults, summary: [String: [String: String]]) -> [LevelMeasurement] {
        let outcomes = Dictionary((run.metadata?.levels ?? []).map { (key($0.target, $0.loadLevel), $0) }, uniquingKeysWith: { first, _ in first })
        var grouped: [String: [RequestRecord]] = [:]
        for record in run.records where !record.warmup { grouped[key(record.target, record.loadLevel), default: []].append(record) }
        return run.summaries().map { level in
            let id = key(level.target, level.loadLevel)
            let cells = summary[id] ?? [:]
            func number(_ column: String) -> Double? { cells[column].flatMap { Double($0) } }
            let ok = (grouped[id] ?? []).filter { $0.status.isSuccess }
            let abortReason = cells["abort_reason"].flatMap { $0.isEmpty ? nil : $0 } ?? level.abortReason
            let status = cells["status"].flatMap(LevelStatus.init(rawValue:)) ?? outcomes[id]?.status
                ?? LevelStatus(csvCell: nil, abortReason: abortReason)
            let verdict = cells["meets_slo"].flatMap(SLOResult.init(csvCell:)) ?? outcomes[id]?.sloResult
            let brokeLimits = cells["slo_failures"].map { !$0.isEmpty } ?? !(outcomes[id]?.sloFailures ?? []).isEmpty
            // A partial level is judged on the requests it measured (used only with --allow-partial).
            let meets: Bool? = switch verdict {
            case .met: true
            case .missed: false
            case .incomplete: !brokeLimits
            case nil: nil
            }
            var measurement = LevelMeasurement(
                target: level.target, level: level.loadLevel, requests: Int(cells["requests"] ?? "") ?? level.requests,
                succeeded: Int(cells["ok"] ?? "") ?? level.succeeded,
                inputTokensPerSecond: number("input_tok_per_s") ?? level.inputTokensPerSecond,
                outputTokensPerSecond: number("output_tok_per_s") ?? level.outputTokensPerSecond,
                meetsSLO: meets, status: status, abortReason: abortReason,
                powerMeanW: number("power_mean_w"), idlePowerW: number("idle_power_w"),
                powerSource: cells["power_source"].flatMap { $0.isEmpty ? nil : $0 },
                prefillShare: prefillShare(ok), meanInputTokens: mean(ok.compactMap(\.promptTokens).map(Double.init)),
                meanOutputTokens: mean(ok.map { Double($0.outputTokens) }), quality: level.quality, throughputInterval: ThroughputInterval.of(records: ok)
            )
            let kinds = Set((grouped[id] ?? []).map(\.requestKind))
            measurement.requestKind = kinds.count > 1 ? nil : kinds.first ?? .generation
            return measurement
        }
    }

    /// Σ prefill time ÷ Σ request time over successful requests: the server's own prompt and
    /// decode times where reported, else TTFT and E2E − TTFT; an embedding or rerank request is
    /// all prefill (it reads its inputs and generates nothing).
    static func prefillShare(_ records: [RequestRecord]) -> Double {
        var prefill = 0.0
        var total = 0.0
        for record in records {
            if record.requestKind != .generation {
                prefill += record.durationMs
                total += record.durationMs
            } else if let prompt = record.serverPromptMs, let decode = record.serverDecodeMs, prompt + decode > 0 {
                prefill += prompt
                total += prompt + decode
            } else if let ttft = record.ttftMs, let e2e = record.e2eMs, e2e > 0 {
                prefill += min(ttft, e2e)
                total += e2e
            }
        }
        return total > 0 ? prefill / total : 0
    }

    /// Mean token counts per target over the (level, request id) pairs every target completed;
    /// a target's own successful requests when no pair is common to all.
    static func taskTokens(_ records: [RequestRecord], targets: [String]) -> [String: TaskTokens] {
        var byTarget: [String: [String: RequestRecord]] = [:]
        for record in records where record.status.isSuccess {
            byTarget[record.target, default: [:]][record.loadLevel + "\u{1F}" + String(record.requestID)] = record
        }
        let common = targets.dropFirst().reduce(Set(byTarget[targets.first ?? ""]?.keys ?? [:].keys)) { $0.intersection(byTarget[$1]?.keys ?? [:].keys) }
        var result: [String: TaskTokens] = [:]
        for target in targets {
            let own = byTarget[target] ?? [:]
            let chosen = common.isEmpty ? Array(own.values) : common.compactMap { own[$0] }
            result[target] = TaskTokens(
                input: mean(chosen.compactMap(\.promptTokens).map(Double.init)), output: mean(chosen.map { Double($0.outputTokens) }),
                requests: chosen.count
            )
        }
        return result
    }

    private static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
}
