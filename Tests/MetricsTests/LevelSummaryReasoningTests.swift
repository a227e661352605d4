import Foundation
import Metrics
import Testing

/// A successful record at level `c1` with its TTFAT and token split.
private func record(_ id: Int, status: Outcome = .ok, ttfatMs: Double?, output: Int, reasoning: Int?) -> RequestRecord {
    var record = RequestRecord(
        runID: "run", target: "t", loadLevel: "c1", requestID: id, scheduledS: 1, startS: 1, ttftMs: 10,
        e2eMs: 100, durationMs: 100, outputTokens: output, status: status
    )
    record.ttfatMs = ttfatMs
    record.reasoningTokens = reasoning
    record.answerTokens = reasoning.map { output - $0 }
    return record
}

@Suite("Level summary: reasoning")
struct LevelSummaryReasoningTests {
    @Test("TTFAT is a distribution of the successful requests that got an answer; the reasoning share counts them all")
    func figures() {
        var summary = LevelSummary(target: "t", loadLevel: "c1")
        summary.add(record(0, ttfatMs: 50, output: 100, reasoning: 60), gapsNs: [])
        summary.add(record(1, ttfatMs: 70, output: 100, reasoning: 20), gapsNs: [])
        summary.add(record(2, ttfatMs: nil, output: 50, reasoning: 50), gapsNs: [])
        summary.add(record(3, status: .http5xx, ttfatMs: 5, output: 0, reasoning: 9), gapsNs: [])
        #expect(summary.ttfat.count == 2)
        // HdrHistogram values, 3 significant digits.
        #expect(abs((summary.ttfat.percentileMs(50) ?? 0) - 50) < 0.05)
        #expect(abs((summary.ttfat.maxMs ?? 0) - 70) < 0.05)
        #expect(summary.reasoningTokens == 130)
        #expect(summary.reasoningShare == 130.0 / 250.0)
        #expect(summary.showsReasoning)
    }

    @Test("without reasoning counts the share is absent; a count of 0 gives a share of 0")
    func absent() {
        var plain = LevelSummary(target: "t", loadLevel: "c1")
        plain.add(record(0, ttfatMs: 10, output: 100, reasoning: nil), gapsNs: [])
        #expect(plain.reasoningShare == nil)
        #expect(!plain.showsReasoning)
        var zero = plain
        zero.add(record(1, ttfatMs: 10, output: 100, reasoning: 0), gapsNs: [])
        #expect(zero.reasoningShare == 0)
    }

    @Test("merged and pooled summaries add TTFAT histograms and reasoning counts, and survive a JSON round trip (shard histograms)")
    func mergeAndCodable() throws {
        var first = LevelSummary(target: "t", loadLevel: "c1")
        first.add(record(0, ttfatMs: 50, output: 100, reasoning: 60), gapsNs: [])
        var second = LevelSummary(target: "t", loadLevel: "c1")
        second.add(record(1, ttfatMs: 90, output: 100, reasoning: 40), gapsNs: [])
        var merged = first
        merged.merge(second)
        #expect(merged.ttfat.count == 2 && abs((merged.ttfat.maxMs ?? 0) - 90) < 0.1)
        #expect(merged.reasoningShare == 0.5)
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let decoded = try decoder.decode(LevelSummary.self, from: encoder.encode(merged))
        #expect(decoded.ttfat.percentileMs(50) == merged.ttfat.percentileMs(50))
        #expect(decoded.reasoningTokens == 100 && decoded.reasoningShare == 0.5)
    }
}
