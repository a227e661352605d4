import Foundation
import Orchestration
import LoadGen
import Metrics
import Results

/// `repat run --json`: the final summary as one JSON object, for scripts.
enum SummaryJSON {
    private struct Level: Encodable {
        var target: String
        var loadLevel: String
        /// The repeat (1…N) of a repeated level's per-repeat entry; absent on a level's own entry
        /// (its only run, or its repeats pooled), as the `repeat` column of `summary.csv`.
        var `repeat`: Int?
        var requests: Int
        var ok: Int
        var errors: Int
        var requestsPerSecond: Double
        var outputTokensPerSecond: Double
        var goodputRequestsPerSecond: Double?
        var ttftP50Ms: Double?
        var ttftP99Ms: Double?
        var tpotP50Ms: Double?
        var tpotP99Ms: Double?
        var e2eP50Ms: Double?
        var e2eP99Ms: Double?
        var sendLagP99Ms: Double?
        /// Time to first answer token (after any reasoning); TTFT's for a model that does not reason.
        var ttfatP50Ms: Double?
        var ttfatP99Ms: Double?
        /// Reasoning tokens over output tokens; absent when no request reasoned.
        var reasoningShare: Double?
        /// `completed`, `interrupted` or `aborted`.
        var status: String
        /// `met`, `missed` or `incomplete`; absent without SLOs.
        var slo: String?
        /// Limits broken by the requests measured.
        var sloFailures: [String]?
        var abortReason: String?
        var workloadDigest: String?
        var powerMeanW: Double?
        var energyJ: Double?
        var joulesPerOutputToken: Double?
        var powerSource: String?
    }

    /// The scenario's SLO limits.
    private struct Limits: Encodable {
        /// Latency limits, ms, by field (`ttft_p99_ms`, `ttft_ms` per request).
        var latencyMs: [String: Double]
        var maxErrorRate: Double?
    }

    private struct Document: Encodable {
        var runID: String
        var status: String
        var directory: String
        var slo: Limits?
        var levels: [Level]
        var saturation: [RunMetadata.SaturationOutcome]?
        var failure: String?

        enum CodingKeys: String, CodingKey {
            case runID = "runId", status, directory, slo, levels, saturation, failure
        }
    }

    static func render(_ report: BenchmarkRun.Report) throws -> String {
        let document = Document(
            runID: report.directory.runID, status: report.status.rawValue, directory: report.directory.path,
            slo: report.slo.map { slo in
                Limits(latencyMs: Dictionary(slo.limits.map { ($0.field, $0.maxMs) }, uniquingKeysWith: { first, _ in first }), maxErrorRate: slo.maxErrorRate)
            },
            levels: report.levels.map { row in
                let summary = row.summary
                return Level(
                    target: summary.target, loadLevel: summary.loadLevel, repeat: summary.repetition, requests: summary.requests,
                    ok: summary.succeeded, errors: summary.failed, requestsPerSecond: summary.requestsPerSecond,
                    outputTokensPerSecond: summary.outputTokensPerSecond, goodputRequestsPerSecond: summary.goodputPerSecond,
                    ttftP50Ms: summary.ttft.percentileMs(50), ttftP99Ms: summary.ttft.percentileMs(99),
                    tpotP50Ms: summary.tpot.percentileMs(50), tpotP99Ms: summary.tpot.percentileMs(99),
                    e2eP50Ms: summary.e2e.percentileMs(50), e2eP99Ms: summary.e2e.percentileMs(99),
                    sendLagP99Ms: summary.sendLag.percentileMs(99), ttfatP50Ms: summary.ttfat.percentileMs(50),
                    ttfatP99Ms: summary.ttfat.percentileMs(99), reasoningShare: summary.reasoningShare, status: row.status.rawValue, slo: row.slo?.rawValue,
                    sloFailures: row.slo == nil ? nil : row.sloFailures, abortReason: summary.abortReason,
                    workloadDigest: summary.workloadDigest,
                    powerMeanW: summary.telemetry?.powerMeanW, energyJ: summary.telemetry?.energyJ,
                    joulesPerOutputToken: summary.telemetry?.joulesPerToken(outputTokens: summary.outputTokens),
                    powerSource: summary.telemetry?.powerSource
                )
            },
            saturation: report.saturation.isEmpty ? nil : report.saturation,
            failure: report.failure
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}
