import LoopbackSupport
import SelfBench
import Testing

/// A tiny selfbench, end to end: every section runs and reports numbers that make sense. Only
/// orderings and counts are checked, never how fast anything was.
@Suite("tiny selfbench", .serialized)
struct TinySelfBenchTests {
    static let tiny = SelfBenchSettings(
        streamCounts: [1, 8], stepSeconds: 0.3, pacedTokensPerSecond: 2_000, minimumInterTokenMs: 2,
        ceilingConcurrencies: [2], scheduleRate: 50, scheduleRequests: 15, longPromptTokens: 8_192,
        largeEventBytes: 70_000, payloadStreams: 1, simulatorThreads: 1)

    @Test("every section produces rows with sane numbers, and the goals, text and CSV cover them all")
    func everySection() async throws {
        CurlSetup.ensure()
        let report = await SelfBench(settings: Self.tiny, mode: "test") { _ in }.run()
        #expect(!report.notes.contains { $0.contains("not measured") }, "\(report.notes)")

        #expect(report.ceiling.map(\.shape) == ["long streams", "short requests"])
        for row in report.ceiling {
            #expect(row.failures == 0 && row.requests > 0 && row.seconds > 0)
            #expect(row.events >= row.requests)
            #expect(row.clientCPUSeconds > 0)
        }

        #expect(report.timestampError.map(\.streams) == [1, 8])
        for row in report.timestampError {
            #expect(row.failures == 0, "\(row.firstFailure ?? "")")
            #expect(row.tokens > 0)
            #expect(row.peakOpenStreams >= 1 && row.peakOpenStreams <= row.streams)
            let p50 = try #require(row.errorP50Us)
            let p99 = try #require(row.errorP99Us)
            let max = try #require(row.errorMaxUs)
            #expect(p50 > 0 && p50 <= p99 && p99 <= max)
            #expect(row.coalescedFraction >= 0 && row.coalescedFraction <= 1)
        }

        let schedule = try #require(report.schedule)
        #expect(schedule.requests == 15 && schedule.failures == 0)
        #expect(try #require(schedule.achievedRate) > 0)
        #expect(try #require(schedule.lagMaxMs) >= 0)

        #expect(report.payloads.map(\.name) == ["prompt 1K tokens", "prompt 8K tokens", "events ~200 B", "events 68 KiB"])
        for row in report.payloads {
            #expect(row.failures == 0, "\(row.name): \(row.firstFailure ?? "")")
            #expect(row.requests > 0 && row.megabytesPerSecond > 0)
        }

        #expect(report.goals.count == 11)
        #expect(SelfBench.ceiling(of: report) != nil)
        let text = SelfBenchText.render(report)
        for heading in ["Client ceiling", "Timestamp error", "Schedule fidelity", "Large payloads", "Goals"] {
            #expect(text.contains(heading))
        }
        let csv = SelfBenchCSV.render(report).split(separator: "\n")
        #expect(csv.first == "section,case,metric,value,unit,target,met")
        for section in ["ceiling,", "timestamp_error,", "schedule,", "payload,", "goal,"] {
            #expect(csv.contains { $0.hasPrefix(section) }, "no \(section) rows")
        }
    }
}
