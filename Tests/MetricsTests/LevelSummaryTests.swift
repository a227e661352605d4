import Metrics
import Testing

/// A record of target `t` at level `c2`; times in seconds since run start and ms since request start.
private func record(
    _ id: Int, status: Outcome = .ok, start: Double, durationMs: Double, ttftMs: Double? = nil, tpotMs: Double? = nil,
    e2eMs: Double? = nil, promptTokens: Int? = nil, outputTokens: Int = 0
) -> RequestRecord {
    RequestRecord(
        runID: "run", target: "t", loadLevel: "c2", requestID: id, scheduledS: start, startS: start, ttftMs: ttftMs,
        e2eMs: e2eMs, tpotMs: tpotMs, durationMs: durationMs, promptTokens: promptTokens, outputTokens: outputTokens,
        status: status
    )
}

/// A level of ten requests: seven ok, three failed in different ways.
private let records: [(RequestRecord, [UInt64])] = [
    (record(0, start: 1.0, durationMs: 500, ttftMs: 50, tpotMs: 10, e2eMs: 490, promptTokens: 100, outputTokens: 45), [10_000_000, 12_000_000]),
    (record(1, start: 1.1, durationMs: 400, ttftMs: 60, tpotMs: 11, e2eMs: 390, promptTokens: 100, outputTokens: 31), [11_000_000]),
    (record(2, status: .http5xx, start: 1.5, durationMs: 20), []),
    (record(3, start: 1.6, durationMs: 600, ttftMs: 70, tpotMs: 12, e2eMs: 600, promptTokens: 100, outputTokens: 45), [12_000_000, 9_000_000, 30_000_000]),
    (record(4, status: .timeoutTotal, start: 2.0, durationMs: 3_000), [5_000_000]),
    (record(5, start: 2.1, durationMs: 300, ttftMs: 40, e2eMs: 40, promptTokens: 100, outputTokens: 1), []),
    (record(6, start: 2.2, durationMs: 450, ttftMs: 55, tpotMs: 10, e2eMs: 445, outputTokens: 40), [10_000_000]),
    (record(7, status: .incomplete, start: 2.3, durationMs: 100, ttftMs: 30, e2eMs: 90, outputTokens: 5), [6_000_000]),
    (record(8, start: 2.5, durationMs: 500, ttftMs: 45, tpotMs: 9, e2eMs: 500, promptTokens: 100, outputTokens: 50), [9_000_000]),
    (record(9, start: 3.0, durationMs: 1_000, ttftMs: 80, tpotMs: 13, e2eMs: 990, promptTokens: 100, outputTokens: 70), [13_000_000]),
]

private func summarise(_ part: ArraySlice<(RequestRecord, [UInt64])>) -> LevelSummary {
    var summary = LevelSummary(target: "t", loadLevel: "c2")
    for (record, gaps) in part { summary.add(record, gapsNs: gaps) }
    return summary
}

@Suite("Level summary")
struct LevelSummaryTests {
    @Test("requests are counted by outcome")
    func outcomes() {
        let summary = summarise(records[...])
        #expect(summary.requests == 10)
        #expect(summary.succeeded == 7)
        #expect(summary.failed == 3)
        #expect(summary.outcomes == [.ok: 7, .http5xx: 1, .timeoutTotal: 1, .incomplete: 1])
    }

    @Test("only ok requests enter the distributions and token counts")
    func onlyOkInDistributions() {
        let summary = summarise(records[...])
        #expect(summary.ttft.count == 7)
        #expect(summary.e2e.count == 7)
        #expect(summary.tpot.count == 6, "request 5 has one token and no TPOT")
        #expect(summary.itl.count == 9, "gaps of ok requests only")
        #expect(close(summary.ttft.maxMs, 80))
        #expect(close(summary.itl.maxMs, 30))
        #expect(summary.promptTokens == 600, "request 6 reported no prompt tokens")
        #expect(summary.outputTokens == 45 + 31 + 45 + 1 + 40 + 50 + 70)
    }

    @Test("wall time runs from the first start to the last end, failed requests included")
    func duration() {
        let summary = summarise(records[...])
        // First start 1.0 s (request 0); last end 5.0 s, the timed-out request 4 (2.0 s + 3 s).
        #expect(summary.durationS == 4.0)
        #expect(summary.requestsPerSecond == 7.0 / 4.0)
        #expect(summary.outputTokensPerSecond == 282.0 / 4.0)
        #expect(summary.inputTokensPerSecond == 600.0 / 4.0)
    }

    @Test("an empty summary has zero duration and rates")
    func empty() {
        let summary = LevelSummary(target: "t", loadLevel: "c1")
        #expect(summary.requests == 0)
        #expect(summary.durationS == 0)
        #expect(summary.requestsPerSecond == 0)
        #expect(summary.outputTokensPerSecond == 0)
        #expect(summary.ttft.percentileMs(50) == nil)
    }

    @Test("merging two halves equals summarising the whole")
    func mergeHalves() {
        let whole = summarise(records[...])
        var merged = summarise(records[5...])
        merged.merge(summarise(records[..<5]))
        #expect(merged.requests == whole.requests)
        #expect(merged.outcomes == whole.outcomes)
        #expect(merged.promptTokens == whole.promptTokens)
        #expect(merged.outputTokens == whole.outputTokens)
        #expect(merged.durationS == whole.durationS)
        #expect(merged.requestsPerSecond == whole.requestsPerSecond)
        for (part, all) in [(merged.ttft, whole.ttft), (merged.tpot, whole.tpot), (merged.itl, whole.itl), (merged.e2e, whole.e2e)] {
            #expect(part.count == all.count)
            #expect(part.meanMs == all.meanMs)
            for percentile in [0.0, 50, 90, 100] {
                #expect(part.percentileMs(percentile) == all.percentileMs(percentile))
            }
        }
    }

    @Test("merging an empty summary changes nothing")
    func mergeEmpty() {
        var summary = summarise(records[...])
        summary.merge(LevelSummary(target: "t", loadLevel: "c2"))
        #expect(summary.requests == 10)
        #expect(summary.durationS == 4.0)
    }
}
