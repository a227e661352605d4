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
        var abortReason: String?
        var workloadDigest: String?
        var powerMeanW: Double?
        var energyJ: Double?
        var joulesPerOutputToken: Double?
        var powerSource: String?
    }

    private struct Document: Encodable {
        var runID: String
        var status: String
        var directory: String
        var levels: [Level]
        var saturation: [RunMetadata.SaturationOutcome]?
        var failure: String?

        enum CodingKeys: String, CodingKey {
            case runID = "runId", status, directory, levels, saturation, failure
        }
    }

    static func render(_ report: BenchmarkRun.Report) throws -> String {
        let document = Document(
            runID: report.directory.runID, status: report.status.rawValue, directory: report.directory.path,
            levels: report.summaries.map { summary in
                Level(
                    target: summary.target, loadLevel: summary.loadLevel, requests: summary.requests,
                    ok: summary.succeeded, errors: summary.failed, requestsPerSecond: summary.requestsPerSecond,
                    outputTokensPerSecond: summary.outputTokensPerSecond, goodputRequestsPerSecond: summary.goodputPerSecond,
                    ttftP50Ms: summary.ttft.percentileMs(50), ttftP99Ms: summary.ttft.percentileMs(99),
                    tpotP50Ms: summary.tpot.percentileMs(50), tpotP99Ms: summary.tpot.percentileMs(99),
                    e2eP50Ms: summary.e2e.percentileMs(50), e2eP99Ms: summary.e2e.percentileMs(99),
                    sendLagP99Ms: summary.sendLag.percentileMs(99), abortReason: summary.abortReason,
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
