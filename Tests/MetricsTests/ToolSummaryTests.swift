import Foundation
import Metrics
import Testing

/// Tool-call validity and task latency in a level's summary, through merges and a round trip.
@Suite("tool and task figures in LevelSummary")
struct ToolSummaryTests {
    private func record(step: Int = 0, ok: Bool = true, calls: Int? = nil, valid: Bool? = nil, taskMs: Double? = nil, warmup: Bool = false) -> RequestRecord {
        var record = RequestRecord(
            runID: "r", target: "t", loadLevel: "c1", requestID: 0, scheduledS: 0, startS: 0, durationMs: 10, status: ok ? .ok : .http5xx)
        record.step = step
        record.toolCalls = calls
        record.toolArgsValid = valid
        record.taskMs = taskMs
        record.warmup = warmup
        return record
    }

    @Test("valid rate over successful requests with calls; task percentiles over every record with task_ms; items count step 0")
    func figures() throws {
        var summary = LevelSummary(target: "t", loadLevel: "c1")
        summary.add(record(calls: 1, valid: true), gapsNs: [])
        summary.add(record(step: 1, calls: 0, taskMs: 100), gapsNs: [])
        summary.add(record(calls: 2, valid: false), gapsNs: [])
        summary.add(record(step: 1, ok: false), gapsNs: [])
        summary.add(record(calls: 1, valid: true), gapsNs: [])
        summary.add(record(step: 1, calls: 0, taskMs: 300), gapsNs: [])
        summary.add(record(ok: false, calls: 1, valid: false), gapsNs: [])
        summary.add(record(calls: 1, valid: true, taskMs: 999, warmup: true), gapsNs: [])
        #expect(summary.toolCalls.checked == 3 && summary.toolCalls.valid == 2)
        #expect(try #require(summary.toolCalls.validRate) == 2.0 / 3.0)
        #expect(summary.task.count == 2, "warm-up excluded")
        #expect(try #require(summary.task.maxMs) >= 299.9)
        #expect(summary.items == 5)
        #expect(summary.requests == 7)

        let data = try JSONEncoder().encode(summary)
        var merged = try JSONDecoder().decode(LevelSummary.self, from: data)
        merged.merge(summary)
        #expect(merged.toolCalls.checked == 6 && merged.toolCalls.valid == 4)
        #expect(merged.task.count == 4)
        #expect(merged.items == 10)
        #expect(LevelSummary(target: "t", loadLevel: "c1").toolCalls.validRate == nil)
    }
}
